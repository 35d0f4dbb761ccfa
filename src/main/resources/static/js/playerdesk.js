// PlayerDesk: send the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Files over the upload limit are refused by the server as well; checking here first saves the
// agent a long upload that would fail.
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) {
        return;
    }
    var max = Number(input.getAttribute('data-max-bytes'));
    var tooLarge = Array.prototype.some.call(input.files, function (file) { return file.size > max; });
    input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
    if (tooLarge) {
        input.reportValidity();
    }
});

// A checkbox with data-check-all="NAME" checks or unchecks every checkbox named NAME in its form
// (the linked group's members on the group sanction page).
document.addEventListener('change', function (event) {
    var all = event.target;
    if (!all.matches || !all.matches('input[type=checkbox][data-check-all]') || !all.form) {
        return;
    }
    var name = all.getAttribute('data-check-all');
    Array.prototype.forEach.call(all.form.querySelectorAll('input[type=checkbox]'), function (box) {
        if (box.name === name) {
            box.checked = all.checked;
        }
    });
});

// What pages would otherwise do with inline handlers and style attributes, which the
// Content-Security-Policy refuses (script-src 'self', style-src 'self'):
// a select marked data-submit-on-change submits its form when changed;
document.addEventListener('change', function (event) {
    var select = event.target;
    if (select.matches && select.matches('select[data-submit-on-change]') && select.form) {
        select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit();
    }
});

// a form marked data-confirm="question" is sent only when the question is answered yes. The question
// may be composed from the form's current values: with data-confirm-by="FIELD" it is the form's
// data-confirm-VALUE attribute for the field's current value (none: data-confirm; empty: nothing to
// ask), and each %NAME% in it becomes what the form's field NAME shows (a select: its selected
// option's text; an empty field: its data-confirm-empty; a filled one: its data-confirm-value with
// %value% replaced, or the value itself), or else the form's data-confirm-arg-NAME;
function confirmation(form) {
    var question = form.getAttribute('data-confirm');
    var by = form.getAttribute('data-confirm-by');
    if (by && form.elements[by] && form.hasAttribute('data-confirm-' + form.elements[by].value)) {
        question = form.getAttribute('data-confirm-' + form.elements[by].value);
    }
    if (!question) {
        return null;
    }
    return question.replace(/%([\w-]+)%/g, function (whole, name) {
        var field = form.elements[name];
        if (field && field.tagName === 'SELECT') {
            return field.selectedIndex >= 0 ? field.options[field.selectedIndex].text.trim() : '';
        }
        if (field && field.value !== undefined) {
            var value = field.value.trim();
            if (!value) {
                return field.getAttribute('data-confirm-empty') || '';
            }
            var shown = field.getAttribute('data-confirm-value');
            return shown ? shown.replace('%value%', value) : value;
        }
        var arg = form.getAttribute('data-confirm-arg-' + name);
        return arg === null ? whole : arg;
    });
}

document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-confirm]')) {
        return;
    }
    var question = confirmation(form);
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});

// a link marked data-history-back goes back to the page before (its href is where it goes without history);
document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-history-back]');
    if (link && window.history.length > 1) {
        event.preventDefault();
        window.history.back();
    }
});

// an element with data-width="N" is N % wide (a progress bar), also when htmx brings it in.
document.addEventListener('htmx:load', function (event) {
    var root = event.detail && event.detail.elt ? event.detail.elt : document;
    var found = root.querySelectorAll ? Array.prototype.slice.call(root.querySelectorAll('[data-width]')) : [];
    if (root.matches && root.matches('[data-width]')) {
        found.push(root);
    }
    found.forEach(function (element) {
        element.style.width = Math.max(0, Math.min(100, Number(element.getAttribute('data-width')) || 0)) + '%';
    });
});

// An automation rule's action row (data-action-row) shows the value control for its kind: the control
// whose data-value-for lists the chosen kind ("none" when no kind is chosen) is shown and sent, the
// others are hidden and disabled, so that each row sends exactly one value.
document.addEventListener('change', function (event) {
    var kind = event.target;
    if (!kind.matches || !kind.matches('select[data-action-kind]')) {
        return;
    }
    var row = kind.closest('[data-action-row]');
    if (!row) {
        return;
    }
    var chosen = kind.value || 'none';
    Array.prototype.forEach.call(row.querySelectorAll('[data-value-for]'), function (control) {
        var on = control.getAttribute('data-value-for').split(' ').indexOf(chosen) >= 0;
        control.hidden = !on;
        control.disabled = !on;
    });
});
