// PlayerDesk knowledge base: answers suggested while a player writes a ticket, and the count of
// players who read one and left without submitting (a deflection).
(function () {
    'use strict';

    // The ticket form: ask for matching articles as the subject and description are typed.
    var box = document.querySelector('[data-kb-suggest]');
    if (box) {
        var list = box.querySelector('[data-kb-list]');
        var fields = ['subject', 'description'].map(function (id) { return document.getElementById(id); })
            .filter(function (field) { return field; });
        var timer = null;
        var asked = '';
        var ask = function () {
            var text = fields.map(function (field) { return field.value; }).join(' ').trim().slice(0, 200);
            if (text.length < 2 || text === asked) {
                return;
            }
            asked = text;
            fetch(box.getAttribute('data-kb-suggest') + '?q=' + encodeURIComponent(text),
                    { headers: { 'Accept': 'application/json' } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (hits) {
                    list.replaceChildren();
                    hits.forEach(function (hit) {
                        var link = document.createElement('a');
                        link.className = 'list-group-item list-group-item-action';
                        link.href = hit.url;
                        link.setAttribute('data-testid', 'kb-suggestion');
                        var title = document.createElement('div');
                        title.className = 'fw-semibold';
                        title.textContent = hit.title;
                        var snippet = document.createElement('div');
                        snippet.className = 'small text-muted';
                        snippet.innerHTML = hit.snippet; // escaped by the server, matches in <mark>
                        link.append(title, snippet);
                        list.append(link);
                    });
                    box.hidden = hits.length === 0;
                })
                .catch(function () { /* suggestions are a help, never in the way */ });
        };
        fields.forEach(function (field) {
            field.addEventListener('input', function () {
                clearTimeout(timer);
                timer = setTimeout(ask, 400);
            });
        });
    }

    // An article opened from a suggestion: leaving it counts as a deflection, unless the player
    // goes on to the ticket form.
    var article = document.querySelector('[data-kb-deflection]');
    if (article) {
        var goingToForm = false;
        document.querySelectorAll('[data-kb-back-to-form]').forEach(function (link) {
            link.addEventListener('click', function () { goingToForm = true; });
        });
        var sent = false;
        window.addEventListener('pagehide', function () {
            if (sent || goingToForm || !navigator.sendBeacon) {
                return;
            }
            sent = true;
            var data = new FormData();
            var token = document.querySelector('meta[name="_csrf"]');
            if (token) {
                data.append('_csrf', token.content);
            }
            navigator.sendBeacon(article.getAttribute('data-kb-deflection'), data);
        });
    }
})();
