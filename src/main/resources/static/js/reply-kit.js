// PlayerDesk reply kit: canned replies inserted into the ticket's reply box (a click, or Alt+R,
// type, Enter), and a warning before a reply with a forbidden phrase is sent.
(function () {
    'use strict';
    var kit = document.getElementById('reply-kit');
    var box = document.getElementById('reply-body');
    if (!kit || !box) {
        return;
    }
    var filter = document.getElementById('kb-reply-filter');
    var buttons = Array.prototype.slice.call(kit.querySelectorAll('[data-kb-insert]'));

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
    };
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
