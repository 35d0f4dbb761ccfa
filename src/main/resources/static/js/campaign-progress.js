// The campaign page (outreach/campaign.html): while the campaign runs, its figures are read every few
// seconds from the page's data-progress-url (JSON) and shown in place: the count of each recipient
// state, the share done and its bar. Once the campaign is no longer running (finished, paused,
// cancelled) the page is loaded again once, for its commands, and the reading stops. Nothing is
// changed by these reads, so no CSRF token is needed.
(function () {
    'use strict';

    var INTERVAL = 5000;
    var page = document.querySelector('[data-testid="campaign"][data-progress-url]');
    if (!page || page.getAttribute('data-state') !== 'running') {
        return;
    }
    var url = page.getAttribute('data-progress-url');

    function step(percent) {
        return percent >= 100 ? 100 : percent >= 75 ? 75 : percent >= 50 ? 50 : percent >= 25 ? 25 : 0;
    }

    function show(progress) {
        page.querySelectorAll('[data-testid="campaign-progress"] [data-state]').forEach(function (item) {
            var count = progress.counts[item.getAttribute('data-state')];
            if (count === undefined) {
                return;
            }
            item.setAttribute('data-count', String(count));
            var text = item.querySelector('[data-count-text]');
            if (text) {
                text.textContent = String(count);
            }
        });
        var holder = page.querySelector('[data-testid="campaign-bar"]');
        if (holder) {
            holder.setAttribute('aria-valuenow', String(progress.percentDone));
        }
        var bar = page.querySelector('[data-progress-bar]');
        if (bar) {
            ['w-0', 'w-25', 'w-50', 'w-75', 'w-100'].forEach(function (c) {
                bar.classList.remove(c);
            });
            bar.classList.add('w-' + step(progress.percentDone));
            bar.textContent = progress.percentDone + '%';
        }
        var state = page.querySelector('[data-testid="campaign-state"]');
        if (state) {
            state.textContent = progress.stateName;
        }
    }

    function poll() {
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('status ' + response.status);
                }
                return response.json();
            })
            .then(function (progress) {
                show(progress);
                if (progress.state !== 'running') {
                    window.location.reload();
                    return;
                }
                window.setTimeout(poll, INTERVAL);
            })
            .catch(function () {
                // a node restarting or the network away for a moment: try again a little later
                window.setTimeout(poll, INTERVAL * 3);
            });
    }

    window.setTimeout(poll, INTERVAL);
}());
