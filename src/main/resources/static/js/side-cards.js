// The cards beside a ticket: each can be folded to its title and moved up or down; the arrangement
// is the reader's own and is remembered (POST to the column's data-layout-url), so the next ticket
// opens the same way. Markup: ticket/ticket.html (.side-cards > .side-card[data-card]).
(function () {
    'use strict';

    var column = document.querySelector('.side-cards[data-layout-url]');
    if (!column) {
        return;
    }

    function cards() {
        return Array.prototype.slice.call(column.querySelectorAll(':scope > .side-card[data-card]'));
    }

    function save() {
        var body = new URLSearchParams();
        body.append('page', column.getAttribute('data-layout-page'));
        cards().forEach(function (card) {
            body.append('cards', card.getAttribute('data-card'));
            if (card.classList.contains('folded')) {
                body.append('folded', card.getAttribute('data-card'));
            }
        });
        var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        fetch(column.getAttribute('data-layout-url'), { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
            .then(function (response) {
                column.setAttribute('data-layout-saved', response.ok ? 'yes' : 'no');
            })
            .catch(function () {
                column.setAttribute('data-layout-saved', 'no');
            });
    }

    function fold(card, folded) {
        card.classList.toggle('folded', folded);
        var button = card.querySelector('.side-card-fold');
        button.setAttribute('aria-expanded', folded ? 'false' : 'true');
        button.setAttribute('title', button.getAttribute(folded ? 'data-unfold' : 'data-fold'));
        button.setAttribute('aria-label', button.getAttribute('title'));
    }

    column.addEventListener('click', function (event) {
        var button = event.target.closest('.side-card-fold, .side-card-up, .side-card-down');
        if (!button || !column.contains(button)) {
            return;
        }
        var card = button.closest('.side-card');
        if (button.classList.contains('side-card-fold')) {
            fold(card, !card.classList.contains('folded'));
        } else {
            var all = cards();
            var at = all.indexOf(card);
            var other = button.classList.contains('side-card-up') ? all[at - 1] : all[at + 1];
            if (!other) {
                return;
            }
            if (button.classList.contains('side-card-up')) {
                column.insertBefore(card, other);
            } else {
                column.insertBefore(other, card);
            }
            button.focus();
        }
        save();
    });
})();
