// PlayerDesk keyboard shortcuts; "?" lists them (the list is in the page, in the reader's language).
// A shortcut never fires while the cursor is in a field or with Ctrl, Alt or Meta held; Esc leaves a
// field. An element marked data-shortcut="KEY" is what KEY reaches on its page, before the defaults below.
(function () {
    'use strict';
    var VIEW = 'playerdesk.view'; // the tickets of the inbox page last seen, for [ and ] on a ticket
    var help = document.getElementById('shortcuts-help');
    var afterG = false;

    var typing = function (element) {
        if (!element || element === document.body) {
            return false;
        }
        if (element.isContentEditable || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') {
            return true;
        }
        return element.tagName === 'INPUT' && ['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'image',
            'range', 'color'].indexOf((element.type || '').toLowerCase()) < 0;
    };

    var reach = function (element, click) {
        if (!element) {
            return false;
        }
        var folded = element.closest('details');
        if (folded) {
            folded.open = true;
        }
        element.scrollIntoView({ block: 'nearest' });
        if (click) {
            element.click();
        } else {
            element.focus();
        }
        return true;
    };

    var marked = function (key) {
        return document.querySelector('[data-shortcut="' + key + '"]');
    };

    // The inbox: rows chosen with j and k, opened with Enter or o.
    var rows = function () {
        return Array.prototype.slice.call(document.querySelectorAll('#inbox-results tr[data-ticket-number]'));
    };
    var rowLink = function (row) {
        return row.querySelector('td.subject a');
    };
    var currentRow = function () {
        var all = rows();
        var chosen = document.querySelector('#inbox-results tr.kbd-current');
        var focused = document.activeElement && document.activeElement.closest
            ? document.activeElement.closest('#inbox-results tr[data-ticket-number]') : null;
        return all.indexOf(focused || chosen);
    };
    var choose = function (step) {
        var all = rows();
        if (all.length === 0) {
            return false;
        }
        var at = currentRow();
        var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, at + step));
        all.forEach(function (row) {
            row.classList.remove('kbd-current');
        });
        all[next].classList.add('kbd-current');
        reach(rowLink(all[next]), false);
        return true;
    };
    var openChosen = function () {
        var at = currentRow();
        return at >= 0 && reach(rowLink(rows()[at]), true);
    };

    var rememberView = function () {
        var links = rows().map(rowLink).filter(Boolean).map(function (link) {
            return link.getAttribute('href');
        });
        if (links.length > 0) {
            try {
                window.sessionStorage.setItem(VIEW, JSON.stringify(links));
            } catch (unavailable) {
                // without session storage, [ and ] do nothing
            }
        }
    };
    rememberView();
    document.addEventListener('htmx:afterSettle', rememberView);

    // [ and ] on a ticket: the ticket before or after it in the inbox page it was opened from.
    var neighbour = function (step) {
        var links;
        try {
            links = JSON.parse(window.sessionStorage.getItem(VIEW) || '[]');
        } catch (unreadable) {
            links = [];
        }
        var here = links.indexOf(window.location.pathname);
        var there = here < 0 ? null : links[here + step];
        if (!there) {
            return false;
        }
        window.location.assign(there);
        return true;
    };

    var search = function () {
        var box = marked('/') || document.querySelector('[data-shortcut-search]');
        if (!box) {
            return false;
        }
        box.focus();
        box.select();
        return true;
    };

    var onTicket = function () {
        return document.querySelector('main.ticket-page') !== null;
    };

    var KEYS = ['?', '/', 'g', 'j', 'k', 'o', 'Enter', 'r', 'n', 'a', 's', 'm', '[', ']'];

    var act = function (key) {
        if (KEYS.indexOf(key) < 0) {
            afterG = false;
            return false;
        }
        if (afterG) {
            afterG = false;
            if (key === 's') {
                return search();
            }
        }
        var own = marked(key);
        if (own && key !== '/') {
            return reach(own, own.tagName === 'BUTTON' || own.tagName === 'A');
        }
        switch (key) {
            case '?':
                if (help && !help.open) {
                    help.showModal();
                }
                return true;
            case '/':
                return search();
            case 'g':
                afterG = true;
                return true;
            case 'j':
                return choose(1);
            case 'k':
                return choose(-1);
            case 'o':
                return openChosen();
            case 'Enter':
                return document.activeElement === document.body && openChosen();
            default:
                break;
        }
        if (!onTicket()) {
            return false;
        }
        switch (key) {
            case 'r':
                return reach(document.getElementById('reply-body'), false);
            case 'n':
                return reach(document.getElementById('note-body'), false);
            case 'a':
                return reach(document.querySelector('form[action$="/take"] button[type=submit]'), true);
            case 's':
                return reach(document.getElementById('a-status'), false);
            case 'm':
                return reach(document.querySelector('form[action*="/macros/"] button[type=submit]'), false);
            case '[':
                return neighbour(-1);
            case ']':
                return neighbour(1);
            default:
                return false;
        }
    };

    document.addEventListener('keydown', function (event) {
        if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || (help && help.open)) {
            return;
        }
        if (typing(event.target)) {
            if (event.key === 'Escape') {
                event.target.blur();
            }
            return;
        }
        if (act(event.key)) {
            event.preventDefault();
        }
    });

    document.addEventListener('click', function (event) {
        if (!help || !event.target.closest) {
            return;
        }
        if (event.target.closest('[data-shortcuts-open]')) {
            help.showModal();
        } else if (event.target.closest('[data-shortcuts-close]') || event.target === help) {
            help.close();
        }
    });
})();
