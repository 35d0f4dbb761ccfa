// The exports page (insight/exports.html): each export still being written reads its status
// (JSON, words already in the reader's language) every second, and shows its progress and, once
// finished, the download link. Nothing is changed by these reads, so no CSRF token is needed.
(function () {
    'use strict';

    var INTERVAL = 1000;

    function show(job, status) {
        var progress = job.querySelector('[data-testid="export-progress"]');
        if (progress) {
            progress.setAttribute('data-done', String(status.done));
            progress.setAttribute('data-total', status.total === null ? '' : String(status.total));
            progress.setAttribute('aria-valuenow', String(status.percent));
        }
        var bar = job.querySelector('[data-export-bar]');
        if (bar) {
            bar.setAttribute('data-width', String(status.percent));
            bar.style.width = Math.max(0, Math.min(100, status.percent)) + '%';
            if (status.finished) {
                bar.classList.add(status.failed ? 'bg-danger' : 'bg-success');
            }
        }
        var text = job.querySelector('[data-export-text]');
        if (text) {
            text.textContent = status.text;
        }
        job.setAttribute('data-state', status.state);
        var link = job.querySelector('[data-export-download]');
        if (link && status.download) {
            link.setAttribute('href', job.getAttribute('data-base') + status.download.replace(/^\//, ''));
            link.classList.remove('d-none');
        }
        if (status.finished) {
            job.setAttribute('data-finished', 'true');
        }
    }

    function follow(job) {
        var url = job.getAttribute('data-status-url');
        // the status URL carries the context path; the download path in the answer does not
        job.setAttribute('data-base', url.substring(0, url.indexOf('console/insight/exports/')));
        function poll() {
            fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error('status ' + response.status);
                    }
                    return response.json();
                })
                .then(function (status) {
                    show(job, status);
                    if (!status.finished) {
                        window.setTimeout(poll, INTERVAL);
                    }
                })
                .catch(function () {
                    // a node restarting or the network away for a moment: try again a little later
                    window.setTimeout(poll, INTERVAL * 5);
                });
        }
        window.setTimeout(poll, INTERVAL);
    }

    function start() {
        document.querySelectorAll('[data-export-job]:not([data-finished])').forEach(follow);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
