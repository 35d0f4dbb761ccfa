// PlayerDesk ticket page: who else is on this ticket. The presence area (ticket/presence.html)
// asks the server every few seconds through htmx; this script tells it whether the agent is
// replying (the reply box holds a draft; said at once when that changes), and says goodbye when
// the page goes away, so colleagues stop seeing the agent without waiting for the expiry.
(function () {
    'use strict';
    var area = document.querySelector('[data-presence]');
    if (!area) {
        return;
    }
    var activity = area.querySelector('[data-presence-activity]');
    var box = document.getElementById('reply-body');

    var update = function () {
        var now = box && box.value.trim() !== '' ? 'replying' : 'viewing';
        if (activity.value !== now) {
            activity.value = now;
            area.dispatchEvent(new CustomEvent('presence-changed'));
        }
    };
    if (box) {
        box.addEventListener('input', update);
        // a draft kept after a refused reply: the first report already says "replying"
        update();
    }

    window.addEventListener('pagehide', function () {
        var token = document.querySelector('meta[name="_csrf"]');
        var body = new URLSearchParams();
        if (token) {
            body.append('_csrf', token.content);
        }
        if (navigator.sendBeacon) {
            navigator.sendBeacon(area.getAttribute('data-presence-leave'), body);
        }
    });
    // back from the browser's cache: say at once that the page is open again
    window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
            area.dispatchEvent(new CustomEvent('presence-changed'));
        }
    });
})();
