/*
 * The agents' chat console: presence, the queue, and several chats at once, updated over the
 * WebSocket without reloading. Actions are posts with the console's CSRF token.
 */
(function () {
    'use strict';

    var root = document.getElementById('chat-console');
    if (!root) { return; }
    var me = root.dataset.me;
    var texts = JSON.parse(root.dataset.texts);
    var canned = JSON.parse(root.dataset.canned);
    var csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
    var csrfToken = document.querySelector('meta[name="_csrf"]').content;
    var cards = {};
    var stomp;
    var subscribedGames = {};
    var presenceEdited = false;
    var offered = {};

    function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) { e.className = cls; }
        if (text !== undefined && text !== null) { e.textContent = text; }
        return e;
    }

    /** A message's body as sent: JSON, or the text itself. */
    function json(message) {
        try { return JSON.parse(message.body); } catch (e) { return message.body; }
    }

    /** A JSON message to the server; while reconnecting there is nothing to send it on. */
    function publish(destination, payload) {
        if (stomp && stomp.connected) {
            stomp.publish({ destination: destination, headers: { 'content-type': 'application/json' },
                body: JSON.stringify(payload) });
        }
    }

    function t(key, values) {
        var s = texts[key] || key;
        Object.keys(values || {}).forEach(function (k) { s = s.split('{' + k + '}').join(values[k]); });
        return s;
    }

    function newId() {
        var bytes = new Uint8Array(12);
        crypto.getRandomValues(bytes);
        return 'a-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    function post(path, params) {
        var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
        headers[csrfHeader] = csrfToken;
        return fetch(path, { method: 'POST', headers: headers, body: new URLSearchParams(params || {}) })
            .then(function (r) {
                return r.json().catch(function () { return {}; }).then(function (json) {
                    if (!r.ok) { throw json; }
                    return json;
                });
            });
    }

    /** Drafts sent and not yet seen back, by client id: a refused one goes back into its box to be edited. */
    var drafts = {};

    function showError(problem) {
        var box = document.getElementById('chat-error');
        var code = problem && problem.code;
        var draft = problem && problem.clientId && drafts[problem.clientId];
        if (draft) {
            delete drafts[problem.clientId];
            if (!draft.input.value) { draft.input.value = draft.body; }
            draft.input.dispatchEvent(new Event('input'));
        }
        // a blocked line is named with what blocked it, in the words the server chose for this console
        box.textContent = (code === 'ticket.reply.blocked' && problem.message)
            || (code && texts['error.' + code]) || (problem && (problem.detail || problem.message)) || t('error.chat.failed');
        box.hidden = false;
        setTimeout(function () { box.hidden = true; }, 8000);
    }

    function refresh() {
        fetch('/console/chat/state', { headers: { Accept: 'application/json' } })
            .then(function (r) { return r.json(); })
            .then(render)
            .catch(showError);
    }

    function render(state) {
        // a choice the agent has made but not saved yet is not overwritten by a refresh
        if (!presenceEdited) {
            document.getElementById('chat-presence').value = state.seat.presence;
            document.getElementById('chat-capacity').value = state.seat.capacity;
        }
        document.getElementById('chat-seats').textContent = t('seats', { active: state.seat.active, capacity: state.seat.capacity });
        document.getElementById('chat-queue-count').textContent = state.waiting.length;
        // "a new chat is waiting" only while a chat offered to this agent still waits in the queue
        document.getElementById('chat-offer').hidden = !state.waiting.some(function (chat) { return offered[chat.id]; });
        var queue = document.getElementById('chat-queue');
        queue.textContent = '';
        state.waiting.forEach(function (chat) {
            var item = el('li', 'list-group-item d-flex justify-content-between align-items-center');
            item.setAttribute('data-testid', 'chat-waiting');
            var who = el('span', null, (chat.nickname || chat.accountId) + (chat.vipLevel !== null ? ' · VIP' + chat.vipLevel : '')
                + (chat.server ? ' · ' + chat.server : ''));
            var accept = el('button', 'btn btn-sm btn-primary', t('accept'));
            accept.type = 'button';
            accept.setAttribute('data-testid', 'chat-accept');
            accept.addEventListener('click', function () {
                post('/console/chat/' + chat.id + '/accept').then(refresh).catch(showError);
            });
            item.append(who, accept);
            queue.append(item);
        });
        if (stomp && stomp.connected) {
            state.games.forEach(function (game) {
                if (!subscribedGames[game]) {
                    subscribedGames[game] = true;
                    stomp.subscribe('/topic/chat-queue.' + game, function () { refresh(); });
                }
            });
        }
        var open = {};
        state.mine.forEach(function (chat) {
            open[chat.id] = true;
            if (!cards[chat.id]) { cards[chat.id] = card(chat); }
            var select = cards[chat.id].transfer;
            select.textContent = '';
            select.append(el('option', null, t('transferTo')));
            state.agents.forEach(function (agent) {
                var option = el('option', null, agent.name + ' (' + agent.active + '/' + agent.capacity + ')');
                option.value = agent.id;
                select.append(option);
            });
        });
        Object.keys(cards).forEach(function (id) {
            if (!open[id]) { cards[id].root.remove(); delete cards[id]; }
        });
        document.getElementById('chat-empty').hidden = state.mine.length > 0;
    }

    function card(chat) {
        var col = el('div', 'col');
        var box = el('div', 'card h-100 chat-card');
        box.setAttribute('data-testid', 'chat-card');
        var head = el('div', 'card-header d-flex flex-wrap gap-2 align-items-center');
        head.append(el('strong', null, chat.nickname || chat.accountId));
        head.append(el('span', 'text-body-secondary small', (chat.vipLevel !== null ? 'VIP' + chat.vipLevel + ' · ' : '')
            + (chat.server || '') + ' · ' + chat.accountId));
        var ticket = el('a', 'small ms-auto', t('ticket'));
        ticket.href = '/console/tickets/' + chat.ticket;
        ticket.target = '_blank';
        head.append(ticket);
        var lines = el('ol', 'list-unstyled chat-lines card-body mb-0');
        lines.setAttribute('data-testid', 'chat-lines');
        var typing = el('div', 'small text-body-secondary px-3', t('typing'));
        typing.hidden = true;
        var form = el('form', 'card-footer d-flex flex-column gap-2');
        var input = el('textarea', 'form-control form-control-sm');
        input.rows = 2;
        input.maxLength = 1000;
        input.setAttribute('data-testid', 'chat-reply');
        var row = el('div', 'd-flex gap-2 flex-wrap');
        var cannedSelect = el('select', 'form-select form-select-sm w-auto');
        cannedSelect.append(el('option', null, t('canned')));
        canned.forEach(function (text) {
            var o = el('option', null, text.length > 40 ? text.substring(0, 40) + '…' : text);
            o.value = text;
            cannedSelect.append(o);
        });
        var transfer = el('select', 'form-select form-select-sm w-auto');
        transfer.setAttribute('data-testid', 'chat-transfer');
        var end = el('button', 'btn btn-sm btn-outline-danger', t('end'));
        end.type = 'button';
        end.setAttribute('data-testid', 'chat-end');
        var send = el('button', 'btn btn-sm btn-primary ms-auto', t('send'));
        send.type = 'submit';
        send.setAttribute('data-testid', 'chat-send');
        row.append(cannedSelect, transfer, end, send);
        // what the reply checks would find in the line, while the agent types (the server checks again on send)
        var findings = el('ul', 'list-unstyled small mb-0 chat-findings');
        findings.setAttribute('data-testid', 'chat-findings');
        findings.hidden = true;
        form.append(input, findings, row);
        // the player in brief (account, VIP tier, recent tickets), in the reader's language, from the server
        var player = el('details', 'chat-player small border-bottom px-3 py-2');
        player.open = true;
        player.setAttribute('data-testid', 'chat-player-card');
        player.append(el('summary', 'text-body-secondary', t('player')));
        var summary = el('div', 'pt-1');
        player.append(summary);
        fetch('/console/players/by-ticket/' + encodeURIComponent(chat.ticket) + '/card', { credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : ''; })
            .then(function (html) {
                // escaped by the server's templates; nothing of it runs (no inline scripts under the CSP)
                summary.innerHTML = html;
                player.setAttribute('data-loaded', 'true');
            })
            .catch(function () { player.hidden = true; });
        box.append(head, player);
        if (chat.bot) { box.append(botAttempt(chat.bot)); }
        box.append(lines, typing, form);
        col.append(box);
        document.getElementById('chat-cards').append(col);

        var state = { root: col, lines: lines, typing: typing, transfer: transfer, seen: {}, lastSeq: 0, chat: chat };
        cannedSelect.addEventListener('change', function () {
            if (cannedSelect.value && cannedSelect.selectedIndex > 0) {
                input.value = (input.value ? input.value + ' ' : '') + cannedSelect.value;
                cannedSelect.selectedIndex = 0;
                input.focus();
            }
        });
        transfer.addEventListener('change', function () {
            if (transfer.selectedIndex > 0) {
                post('/console/chat/' + chat.id + '/transfer', { to: transfer.value }).then(refresh).catch(showError);
            }
        });
        end.addEventListener('click', function () {
            post('/console/chat/' + chat.id + '/end').then(refresh).catch(showError);
        });
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            var body = input.value.trim();
            if (!body) { return; }
            input.value = '';
            showFindings(findings, []);
            var clientId = newId();
            drafts[clientId] = { input: input, body: body };
            publish('/app/chat/' + chat.id + '/send', { clientId: clientId, body: body });
        });
        var checkTimer = null;
        var asked = 0;
        input.addEventListener('input', function () {
            clearTimeout(checkTimer);
            checkTimer = setTimeout(function () {
                var mine = ++asked;
                if (!input.value.trim()) { showFindings(findings, []); return; }
                post('/console/chat/' + chat.id + '/check', { body: input.value }).then(function (answer) {
                    // an older answer than the last question asked is not shown
                    if (mine === asked) { showFindings(findings, answer.findings || []); }
                }).catch(function () { /* the server checks again when the line is sent */ });
            }, 400);
        });
        input.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); return; }
            var now = Date.now();
            if (!state.typedAt || now - state.typedAt > 2000) {
                state.typedAt = now;
                publish('/app/chat/' + chat.id + '/typing', {});
            }
        });
        if (stomp && stomp.connected) { follow(state); }
        return state;
    }

    /** What the bot offered the player before the chat queued, and what the player said of it. */
    function botAttempt(bot) {
        var block = el('div', 'alert alert-secondary small rounded-0 mb-0 px-3 py-2 chat-bot-attempt');
        block.setAttribute('data-testid', 'chat-bot-attempt');
        block.setAttribute('data-outcome', bot.outcome);
        block.append(el('span', null, t('bot.' + bot.outcome, {
            title: bot.title, confidence: Math.round(bot.confidence * 100) + '%'
        })));
        var link = el('a', 'ms-1', t('bot.article'));
        link.href = bot.link;
        link.target = '_blank';
        link.rel = 'noopener';
        block.append(link);
        return block;
    }

    function follow(state) {
        if (state.followed) { return; }
        state.followed = true;
        stomp.subscribe('/topic/chat.' + state.chat.id, function (message) { onEvent(state, json(message)); });
        fetch('/console/chat/' + state.chat.id + '/lines?after=' + state.lastSeq)
            .then(function (r) { return r.json(); })
            .then(function (lines) { lines.forEach(function (line) { addLine(state, line); }); read(state); });
    }

    function onEvent(state, event) {
        if (event.type === 'message') {
            addLine(state, event.line);
            state.typing.hidden = true;
            read(state);
        } else if (event.type === 'typing' && event.side === 'player') {
            state.typing.hidden = false;
            clearTimeout(state.typingTimer);
            state.typingTimer = setTimeout(function () { state.typing.hidden = true; }, 4000);
        } else if (event.type === 'read' && event.side === 'player') {
            Object.keys(state.seen).forEach(function (seq) {
                if (Number(seq) <= event.seq && state.seen[seq].classList.contains('from-agent')) {
                    state.seen[seq].querySelector('.chat-state').textContent = t('read');
                }
            });
        } else if (event.type === 'status') {
            var note = el('li', 'text-center small text-body-secondary', t('status.' + event.status, { agent: event.agent || '' }));
            state.lines.append(note);
            if (event.status === 'ended') { refresh(); }
        }
    }

    function addLine(state, line) {
        delete drafts[line.clientId];
        if (state.seen[line.seq]) { return; }
        var item = el('li', 'chat-line ' + (line.kind === 'agent' ? 'from-agent' : 'from-player'));
        item.setAttribute('data-seq', line.seq);
        item.append(el('span', 'chat-author small text-body-secondary', line.author || ''));
        item.append(el('span', 'chat-body', line.body));
        if (line.imageId) {
            var img = el('img', 'chat-img');
            img.src = '/console/tickets/' + state.chat.ticket + '/attachments/' + line.imageId;
            img.alt = t('image');
            item.append(img);
        }
        item.append(el('span', 'chat-state small text-body-secondary'));
        state.seen[line.seq] = item;
        state.lastSeq = Math.max(state.lastSeq, line.seq);
        state.lines.append(item);
        state.lines.scrollTop = state.lines.scrollHeight;
    }

    function showFindings(list, found) {
        list.replaceChildren();
        found.forEach(function (finding) {
            var item = el('li', finding.blocks ? 'text-danger' : 'text-warning-emphasis', finding.text);
            item.setAttribute('data-finding', finding.code);
            list.append(item);
        });
        list.hidden = found.length === 0;
    }

    function read(state) {
        if (state.lastSeq) {
            publish('/app/chat/' + state.chat.id + '/read', { seq: state.lastSeq });
        }
    }

    function connect() {
        var headers = {};
        headers[csrfHeader] = csrfToken;
        stomp = new window.StompJs.Client({
            brokerURL: location.origin.replace(/^http/, 'ws') + '/console/chat/ws',
            connectHeaders: headers,
            heartbeatIncoming: 10000,
            heartbeatOutgoing: 10000,
            reconnectDelay: 1000,
            maxReconnectDelay: 10000,
            reconnectTimeMode: window.StompJs.ReconnectionTimeMode.EXPONENTIAL,
            onConnect: function () {
                subscribedGames = {};
                document.getElementById('chat-connection').textContent = t('connected');
                stomp.subscribe('/topic/chat-agent.' + me, function (message) {
                    var event = json(message);
                    if (event.type === 'offer') {
                        offered[event.chat] = true;
                        document.getElementById('chat-offer').hidden = false;
                    }
                    refresh();
                });
                stomp.subscribe('/user/queue/errors', function (message) { showError(json(message)); });
                Object.keys(cards).forEach(function (id) { cards[id].followed = false; follow(cards[id]); });
                refresh();
            },
            onStompError: function (frame) { showError({ message: frame.headers.message || frame.body, code: frame.headers.code }); },
            onWebSocketClose: function () {
                document.getElementById('chat-connection').textContent = t('reconnecting');
            }
        });
        stomp.activate();
    }

    ['chat-presence', 'chat-capacity'].forEach(function (id) {
        document.getElementById(id).addEventListener('change', function () { presenceEdited = true; });
    });
    document.getElementById('chat-presence-form').addEventListener('submit', function (e) {
        e.preventDefault();
        post('/console/chat/presence', {
            presence: document.getElementById('chat-presence').value,
            capacity: document.getElementById('chat-capacity').value
        }).then(function () { presenceEdited = false; }).then(refresh).catch(showError);
    });

    // while the console is open the agent counts as present; a closed or cut-off console goes
    // offline on the server after its presence timeout, so no new chat waits on nobody
    setInterval(function () { post('/console/chat/heartbeat').catch(function () { /* the next beat retries */ }); }, 30000);

    connect();
})();
