// The reply checks while the agent types: what the server's checks would find in the draft
// (POST /console/tickets/{id}/reply/check, nothing written), listed under the reply box in the
// reader's language, each finding marked with its check (data-finding). The server checks again
// when the reply is sent, and refuses it there when a finding blocks.
(function () {
    'use strict';
    var list = document.querySelector('[data-testid="reply-findings"]');
    var box = document.getElementById('reply-body');
    if (!list || !box) {
        return;
    }
    var then = document.getElementById('reply-then');
    var token = document.querySelector('meta[name="_csrf"]');
    var timer = null;
    var asked = 0;
    var show = function (findings) {
        list.replaceChildren();
        findings.forEach(function (finding) {
            var item = document.createElement('li');
            item.setAttribute('data-finding', finding.code);
            item.className = finding.blocks ? 'text-danger' : 'text-warning-emphasis';
            item.textContent = finding.text;
            list.appendChild(item);
        });
        list.hidden = findings.length === 0;
    };
    var check = function () {
        var mine = ++asked;
        if (box.value.trim() === '') {
            show([]);
            return;
        }
        var body = new URLSearchParams();
        body.append('body', box.value);
        if (then) {
            body.append('then', then.value);
        }
        if (token) {
            body.append('_csrf', token.content);
        }
        fetch(list.getAttribute('data-check-url'), {
            method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'application/json' }
        }).then(function (answer) {
            return answer.ok ? answer.json() : null;
        }).then(function (answer) {
            // an older answer than the last question asked is not shown
            if (answer && mine === asked) {
                show(answer.findings);
            }
        }).catch(function () {
            // the server checks again when the reply is sent
        });
    };
    var later = function () {
        clearTimeout(timer);
        timer = setTimeout(check, 400);
    };
    box.addEventListener('input', later);
    if (then) {
        then.addEventListener('change', later);
    }
    if (box.value.trim() !== '') {
        later();
    }
})();
