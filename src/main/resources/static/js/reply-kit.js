// PlayerDesk reply kit: canned replies inserted into the ticket's reply box (a click, or Alt+R,
// type, Enter), their blanks (runs of asterisks: 在**月**日) selected one after the other with Tab
// and never sent unfilled, and a warning before a reply with a forbidden phrase is sent.
(function () {
    'use strict';
    var kit = document.getElementById('reply-kit');
    var box = document.getElementById('reply-body');
    if (!kit || !box) {
        return;
    }
    var filter = document.getElementById('kb-reply-filter');
    var buttons = Array.prototype.slice.call(kit.querySelectorAll('[data-kb-insert]'));

    // The blanks of the reply, in order: [start, end) of each run of two or more asterisks.
    var blanks = function () {
        var found = [];
        var pattern = /\*{2,}/g;
        var match;
        while ((match = pattern.exec(box.value)) !== null) {
            found.push([match.index, match.index + match[0].length]);
        }
        return found;
    };
    // Selects the next blank after the selection (backwards: the one before it), going round.
    var selectBlank = function (backwards) {
        var all = blanks();
        if (all.length === 0) {
            return false;
        }
        var chosen = backwards
            ? all.filter(function (b) { return b[1] <= box.selectionStart; }).pop() || all[all.length - 1]
            : all.filter(function (b) { return b[0] >= box.selectionEnd; })[0] || all[0];
        box.focus();
        box.setSelectionRange(chosen[0], chosen[1]);
        return true;
    };

    var insert = function (text) {
        var start = box.selectionStart || 0;
        var end = box.selectionEnd || 0;
        var before = box.value.slice(0, start);
        var glue = before && !/\s$/.test(before) ? '\n' : '';
        box.value = before + glue + text + box.value.slice(end);
        var caret = (before + glue + text).length;
        box.focus();
        box.setSelectionRange(caret, caret);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        if (/\*{2,}/.test(text)) {
            box.setSelectionRange((before + glue).length, (before + glue).length);
            selectBlank(false);
        }
    };

    box.addEventListener('keydown', function (event) {
        if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey && selectBlank(event.shiftKey)) {
            event.preventDefault();
        }
    });

    // What is left to fill in, shown under the reply box with each blank marked.
    var left = document.createElement('div');
    left.className = 'invalid-feedback';
    left.hidden = true;
    left.setAttribute('data-testid', 'reply-blanks');
    box.insertAdjacentElement('afterend', left);
    var showBlanks = function () {
        var all = blanks();
        while (left.firstChild) {
            left.removeChild(left.firstChild);
        }
        var message = document.createElement('div');
        message.textContent = kit.getAttribute('data-blanks').replace('{0}', String(all.length));
        var text = document.createElement('div');
        text.className = 'reply-blanks-text text-body';
        var from = 0;
        all.forEach(function (b) {
            text.appendChild(document.createTextNode(box.value.slice(from, b[0])));
            var mark = document.createElement('mark');
            mark.setAttribute('data-testid', 'reply-blank');
            mark.textContent = box.value.slice(b[0], b[1]);
            text.appendChild(mark);
            from = b[1];
        });
        text.appendChild(document.createTextNode(box.value.slice(from)));
        left.appendChild(message);
        left.appendChild(text);
        left.hidden = false;
        box.classList.add('is-invalid');
    };
    box.addEventListener('input', function () {
        if (!left.hidden) {
            if (blanks().length === 0) {
                left.hidden = true;
                box.classList.remove('is-invalid');
            } else {
                showBlanks();
            }
        }
    });
    buttons.forEach(function (button) {
        button.addEventListener('click', function () { insert(button.getAttribute('data-text')); });
    });
    // text that arrives later (a drafted reply in the assist panel)
    document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('[data-reply-insert]');
        if (button) {
            insert(button.getAttribute('data-text'));
        }
    });

    var visible = function () { return buttons.filter(function (b) { return !b.hidden; }); };
    filter.addEventListener('input', function () {
        var wanted = filter.value.trim().toLowerCase();
        buttons.forEach(function (b) {
            var text = (b.textContent + ' ' + b.getAttribute('data-text')).toLowerCase();
            b.hidden = wanted !== '' && text.indexOf(wanted) < 0;
        });
    });
    filter.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') {
            event.preventDefault();
            var first = visible()[0];
            if (first) {
                insert(first.getAttribute('data-text'));
                filter.value = '';
                filter.dispatchEvent(new Event('input'));
            }
        } else if (event.key === 'Escape') {
            box.focus();
        }
    });
    document.addEventListener('keydown', function (event) {
        if (event.altKey && (event.key === 'r' || event.key === 'R' || event.code === 'KeyR')) {
            event.preventDefault();
            filter.focus();
        }
    });

    // The same rule as the server's: a bare phrase only as a whole sentence.
    var phrases = Array.prototype.map.call(kit.querySelectorAll('[data-kb-forbidden] li'), function (li) {
        return { text: li.textContent.toLowerCase(), bare: li.getAttribute('data-bare') === 'true', shown: li.textContent };
    });
    var found = function (reply) {
        var text = reply.toLowerCase();
        var sentences = text.split(/[。！？!?.\n；;…]+/).map(function (s) {
            return s.replace(/^[\s，,、~～]+|[\s，,、~～]+$/g, '');
        });
        return phrases.filter(function (p) {
            return p.bare ? sentences.indexOf(p.text) >= 0 : text.indexOf(p.text) >= 0;
        }).map(function (p) { return p.shown; });
    };
    var form = box.form;
    if (form) {
        // a reply with blanks is not sent (the server refuses it too): they are marked, the first selected
        form.addEventListener('submit', function (event) {
            if (blanks().length > 0) {
                event.preventDefault();
                event.stopImmediatePropagation();
                showBlanks();
                box.setSelectionRange(0, 0);
                selectBlank(false);
            }
        });
        form.addEventListener('submit', function (event) {
            var hits = found(box.value);
            if (hits.length === 0 || form.getAttribute('data-kb-confirmed') === 'true') {
                return;
            }
            var message = kit.getAttribute('data-warning').replace('{0}', hits.join('、'));
            if (!window.confirm(message)) {
                event.preventDefault();
                box.focus();
            }
        });
    }
})();
