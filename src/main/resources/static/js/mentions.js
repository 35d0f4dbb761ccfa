// PlayerDesk internal notes: typing @ in the note box suggests the colleagues who serve the
// ticket's game, by name or user name (fetched once, on the first @). Up and Down choose, Enter or
// Tab writes @username, Escape closes the list; a click chooses too. The server tells the
// colleagues mentioned in the saved note, and refuses a mention of someone who cannot see the ticket.
(function () {
    'use strict';
    var box = document.querySelector('textarea[data-mentions]');
    if (!box) {
        return;
    }
    var SHOWN = 8;
    var colleagues = null;
    var loading = false;
    var shown = [];
    var active = 0;

    var list = document.createElement('ul');
    list.id = box.id + '-mentions';
    list.className = 'list-group mention-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('data-testid', 'mention-list');
    list.hidden = true;
    box.insertAdjacentElement('afterend', list);
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-controls', list.id);
    box.setAttribute('aria-expanded', 'false');

    // The @word the caret stands in: where its @ is and what follows it, or null.
    var mentionAtCaret = function () {
        if (box.selectionStart !== box.selectionEnd) {
            return null;
        }
        var before = box.value.slice(0, box.selectionStart);
        var match = /(^|[^A-Za-z0-9_.@+-])@([^\s@]{0,40})$/.exec(before);
        return match ? { at: before.length - match[2].length - 1, words: match[2].toLowerCase() } : null;
    };

    var close = function () {
        list.hidden = true;
        shown = [];
        box.setAttribute('aria-expanded', 'false');
        box.removeAttribute('aria-activedescendant');
    };

    var highlight = function () {
        Array.prototype.forEach.call(list.children, function (item, i) {
            item.classList.toggle('active', i === active);
            item.setAttribute('aria-selected', i === active ? 'true' : 'false');
        });
        if (list.children[active]) {
            box.setAttribute('aria-activedescendant', list.children[active].id);
            list.children[active].scrollIntoView({ block: 'nearest' });
        }
    };

    var choose = function (colleague) {
        var mention = mentionAtCaret();
        if (!mention) {
            close();
            return;
        }
        var written = '@' + colleague.username + ' ';
        box.value = box.value.slice(0, mention.at) + written + box.value.slice(box.selectionStart);
        var caret = mention.at + written.length;
        box.focus();
        box.setSelectionRange(caret, caret);
        close();
        box.dispatchEvent(new Event('input', { bubbles: true }));
    };

    var show = function (words) {
        shown = colleagues.filter(function (c) {
            return words === '' || c.username.toLowerCase().indexOf(words) === 0
                || c.name.toLowerCase().indexOf(words) >= 0;
        }).slice(0, SHOWN);
        while (list.firstChild) {
            list.removeChild(list.firstChild);
        }
        if (shown.length === 0) {
            close();
            return;
        }
        shown.forEach(function (colleague, i) {
            var item = document.createElement('li');
            item.id = list.id + '-' + i;
            item.className = 'list-group-item list-group-item-action py-1';
            item.setAttribute('role', 'option');
            item.setAttribute('data-testid', 'mention-option');
            item.setAttribute('data-username', colleague.username);
            var name = document.createElement('span');
            name.textContent = colleague.name;
            var username = document.createElement('small');
            username.className = 'text-muted ms-2';
            username.textContent = '@' + colleague.username;
            item.appendChild(name);
            item.appendChild(username);
            // mousedown, not click: the box keeps its focus and its caret
            item.addEventListener('mousedown', function (event) {
                event.preventDefault();
                choose(colleague);
            });
            list.appendChild(item);
        });
        active = Math.min(active, shown.length - 1);
        list.hidden = false;
        box.setAttribute('aria-expanded', 'true');
        highlight();
    };

    var suggest = function () {
        var mention = mentionAtCaret();
        if (!mention) {
            close();
            return;
        }
        if (colleagues !== null) {
            show(mention.words);
            return;
        }
        if (loading) {
            return;
        }
        loading = true;
        fetch(box.getAttribute('data-mentions'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : []; })
            .catch(function () { return []; })
            .then(function (found) {
                colleagues = Array.isArray(found) ? found : [];
                loading = false;
                suggest();
            });
    };

    box.addEventListener('input', function () {
        active = 0;
        suggest();
    });
    box.addEventListener('click', suggest);
    box.addEventListener('blur', close);
    box.addEventListener('keydown', function (event) {
        if (list.hidden || shown.length === 0) {
            return;
        }
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            active = (active + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
            highlight();
        } else if (event.key === 'Enter' || event.key === 'Tab') {
            event.preventDefault();
            choose(shown[active]);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
        }
    });
})();
