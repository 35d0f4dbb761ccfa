// The inbox's bulk actions (ticket/bulk :: bar): choosing rows, every row of the page, or every ticket
// the view matches; showing the value field of the chosen action (the others are disabled, so they are
// not sent); and, once a bulk change has finished, showing the list again as it now stands. Hooked
// by data-bulk-* attributes and delegated from the document, so that rows brought in by htmx work too.
(function () {
    function rows(form) {
        return Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][data-bulk-row]'));
    }

    function show(element, shown) {
        if (element) {
            element.classList.toggle('d-none', !shown);
        }
    }

    // the value field of the chosen action, and only that one, is shown and sent
    function showValueField(form) {
        var action = form.querySelector('[data-bulk-action]');
        Array.prototype.forEach.call(form.querySelectorAll('[data-bulk-for]'), function (field) {
            var on = action !== null && field.getAttribute('data-bulk-for') === action.value;
            show(field, on);
            field.disabled = !on;
        });
    }

    function update(form) {
        var boxes = rows(form);
        var chosen = boxes.filter(function (box) { return box.checked; }).length;
        var scope = form.querySelector('[data-bulk-scope]');
        var all = scope !== null && scope.value === 'all';
        var page = form.querySelector('[data-bulk-page]');
        if (page) {
            page.checked = boxes.length > 0 && chosen === boxes.length;
            page.indeterminate = chosen > 0 && chosen < boxes.length;
        }
        var count = form.querySelector('[data-bulk-count]');
        if (count) {
            count.textContent = all ? count.getAttribute('data-all')
                : chosen === 0 ? count.getAttribute('data-none')
                : count.getAttribute('data-some').replace('%n%', String(chosen));
        }
        show(form.querySelector('[data-bulk-matching]'), !all && boxes.length > 0 && chosen === boxes.length);
        show(form.querySelector('[data-bulk-clear]'), all || chosen > 0);
        var action = form.querySelector('[data-bulk-action]');
        var apply = form.querySelector('[data-bulk-apply]');
        if (apply) {
            apply.disabled = !(all || chosen > 0) || action === null || action.value === '';
        }
        var bar = form.querySelector('[data-bulk-bar]');
        if (bar) {
            bar.classList.toggle('bulk-active', all || chosen > 0);
        }
    }

    function setScope(form, value) {
        var scope = form.querySelector('[data-bulk-scope]');
        if (scope) {
            scope.value = value;
        }
    }

    document.addEventListener('change', function (event) {
        var form = event.target.closest ? event.target.closest('form[data-bulk]') : null;
        if (!form) {
            return;
        }
        if (event.target.matches('[data-bulk-page]')) {
            rows(form).forEach(function (box) { box.checked = event.target.checked; });
            setScope(form, 'selected');
        } else if (event.target.matches('[data-bulk-row]')) {
            setScope(form, 'selected');
        } else if (event.target.matches('[data-bulk-action]')) {
            showValueField(form);
        }
        update(form);
    });

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-bulk-matching], [data-bulk-clear]') : null;
        var form = button ? button.closest('form[data-bulk]') : null;
        if (!form) {
            return;
        }
        event.preventDefault();
        if (button.hasAttribute('data-bulk-matching')) {
            setScope(form, 'all');
        } else {
            rows(form).forEach(function (box) { box.checked = false; });
            setScope(form, 'selected');
        }
        update(form);
    });

    document.addEventListener('htmx:load', function (event) {
        var root = event.detail && event.detail.elt ? event.detail.elt : document;
        var forms = root.querySelectorAll ? Array.prototype.slice.call(root.querySelectorAll('form[data-bulk]')) : [];
        if (root.matches && root.matches('form[data-bulk]')) {
            forms.push(root);
        }
        forms.forEach(function (form) {
            showValueField(form);
            update(form);
        });
        // a bulk change has just finished: the list is read again with the view's filters
        if (root.matches && root.matches('[data-bulk-finished]')) {
            var filters = document.querySelector('form.inbox-filters');
            if (filters && window.htmx) {
                window.htmx.trigger(filters, 'submit');
            }
        }
    });
})();
