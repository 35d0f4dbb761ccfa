/*
 * PlayerDesk chat widget. Embed it with
 *   <link rel="stylesheet" href="https://support.example/chat/assets/widget.css">
 *   <div data-playerdesk-chat data-base="https://support.example" data-game="GAME" data-lang="zh-CN"
 *        data-account="..." data-nickname="..." data-vip="3" data-server="S1" data-ts="..." data-signature="..."></div>
 *   <script src="https://support.example/chat/assets/stomp.js"></script>
 *   <script src="https://support.example/chat/assets/widget.js"></script>
 * (stomp.js is @stomp/stompjs, served from its WebJar)
 * or call PlayerDeskChat.mount(element, config) from the page's own script. No inline scripts;
 * every text a person wrote is shown with textContent, never as HTML.
 */
(function (global) {
    'use strict';

    var RETRY_MAX = 10000;
    var WAIT_POLL = 5000;

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

    function newId() {
        var bytes = new Uint8Array(12);
        (global.crypto || global.msCrypto).getRandomValues(bytes);
        return 'c-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    function Widget(root, config) {
        this.root = root;
        this.config = config;
        this.base = (config.base || '').replace(/\/$/, '');
        this.nodes = config.nodes && config.nodes.length ? config.nodes : [this.base];
        this.node = 0;
        this.key = 'playerdesk-chat:' + config.game;
        this.saved = JSON.parse(global.sessionStorage.getItem(this.key) || 'null');
        this.seen = {};
        this.bubbles = {};
        this.t = {};
    }

    Widget.prototype.text = function (key, values) {
        var s = this.t[key] || key;
        Object.keys(values || {}).forEach(function (k) { s = s.split('{' + k + '}').join(values[k]); });
        return s;
    };

    Widget.prototype.save = function () {
        global.sessionStorage.setItem(this.key, JSON.stringify(this.saved));
    };

    Widget.prototype.api = function (method, path, body, isForm) {
        var headers = { 'Accept-Language': this.lang || 'zh-CN' };
        if (this.saved && this.saved.token) { headers['X-Chat-Token'] = this.saved.token; }
        if (body && !isForm) { headers['Content-Type'] = 'application/json'; }
        return fetch(this.nodes[this.node] + '/chat/api' + path, {
            method: method, headers: headers, body: body ? (isForm ? body : JSON.stringify(body)) : undefined
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (json) {
                if (!response.ok) { throw json; }
                return json;
            });
        });
    };

    Widget.prototype.start = function () {
        var self = this;
        var lang = this.config.lang || (navigator.language || 'zh-CN');
        this.lang = lang.toLowerCase().indexOf('en') === 0 ? 'en' : 'zh-CN';
        fetch(this.base + '/chat/i18n/' + this.lang + '.json')
            .then(function (r) { return r.json(); })
            .then(function (t) { self.t = t; self.build(); })
            .catch(function () { self.build(); });
    };

    Widget.prototype.build = function () {
        var self = this;
        var root = this.root;
        root.textContent = '';
        root.classList.add('pdc');
        this.launcher = el('button', 'pdc-launcher', this.text('open'));
        this.launcher.type = 'button';
        this.launcher.setAttribute('data-testid', 'chat-open');
        this.panel = el('section', 'pdc-panel');
        this.panel.hidden = true;
        var head = el('header', 'pdc-head');
        this.title = el('strong', 'pdc-title', this.text('title'));
        this.status = el('div', 'pdc-status');
        this.status.setAttribute('data-testid', 'chat-status');
        this.status.setAttribute('aria-live', 'polite');
        var close = el('button', 'pdc-close', '×');
        close.type = 'button';
        close.setAttribute('aria-label', this.text('close'));
        head.append(this.title, this.status, close);
        this.error = el('div', 'pdc-error');
        this.error.setAttribute('role', 'alert');
        this.error.setAttribute('data-testid', 'chat-error');
        this.error.hidden = true;
        this.list = el('ol', 'pdc-lines');
        this.list.setAttribute('data-testid', 'chat-lines');
        this.typing = el('div', 'pdc-typing', this.text('typing'));
        this.typing.hidden = true;
        this.botBox = el('div', 'pdc-bot');
        this.botBox.hidden = true;
        this.botBox.setAttribute('data-testid', 'chat-bot-answer');
        this.notice = el('div', 'pdc-notice');
        this.notice.hidden = true;
        this.notice.setAttribute('data-testid', 'chat-notice');

        this.form = el('form', 'pdc-form');
        this.guestName = el('input', 'pdc-guest');
        this.guestName.placeholder = this.text('guestName');
        this.guestName.maxLength = 100;
        this.guestName.hidden = !!this.config.identity || !!this.saved;
        this.input = el('textarea', 'pdc-input');
        this.input.rows = 2;
        this.input.maxLength = 1000;
        this.input.placeholder = this.text('placeholder');
        this.input.setAttribute('data-testid', 'chat-input');
        var actions = el('div', 'pdc-actions');
        this.file = el('input');
        this.file.type = 'file';
        this.file.accept = 'image/png,image/jpeg,image/gif,image/webp';
        this.file.hidden = true;
        var image = el('button', 'pdc-image', this.text('image'));
        image.type = 'button';
        this.endButton = el('button', 'pdc-end', this.text('end'));
        this.endButton.type = 'button';
        this.endButton.setAttribute('data-testid', 'chat-end');
        var send = el('button', 'pdc-send', this.text('send'));
        send.type = 'submit';
        send.setAttribute('data-testid', 'chat-send');
        actions.append(image, this.endButton, send);
        this.form.append(this.guestName, this.input, this.file, actions);

        this.rating = this.buildRating();
        this.panel.append(head, this.error, this.list, this.botBox, this.typing, this.notice, this.form, this.rating);
        root.append(this.launcher, this.panel);

        this.launcher.addEventListener('click', function () { self.panel.hidden = false; self.launcher.hidden = true; self.markRead(); });
        close.addEventListener('click', function () { self.panel.hidden = true; self.launcher.hidden = false; });
        this.form.addEventListener('submit', function (e) { e.preventDefault(); self.submit(); });
        this.input.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); self.submit(); } else { self.sendTyping(); }
        });
        image.addEventListener('click', function () { if (self.saved) { self.file.click(); } });
        this.file.addEventListener('change', function () { self.sendImage(); });
        this.endButton.addEventListener('click', function () { self.end(); });
        global.addEventListener('online', function () { if (self.saved && !self.connected()) { self.connect(); } });

        if (this.saved) {
            this.saved.pending = this.saved.pending || {};
            this.connect();
        } else {
            this.setStatus(this.text('intro'));
        }
    };

    Widget.prototype.buildRating = function () {
        var self = this;
        var box = el('form', 'pdc-rating');
        box.hidden = true;
        box.setAttribute('data-testid', 'chat-rating');
        this.question = el('p', null, this.text('rate'));
        this.question.setAttribute('data-testid', 'chat-rating-question');
        box.append(this.question);
        var stars = el('div', 'pdc-stars');
        this.score = 0;
        for (var i = 1; i <= 5; i++) {
            (function (n) {
                var b = el('button', 'pdc-star', '★');
                b.type = 'button';
                b.setAttribute('aria-label', String(n));
                b.setAttribute('data-testid', 'chat-star-' + n);
                b.addEventListener('click', function () {
                    self.score = n;
                    Array.prototype.forEach.call(stars.children, function (s, k) { s.classList.toggle('on', k < n); });
                });
                stars.append(b);
            })(i);
        }
        var comment = el('textarea', 'pdc-comment');
        comment.maxLength = 1000;
        comment.placeholder = this.text('rateComment');
        comment.setAttribute('data-testid', 'chat-rating-comment');
        var submit = el('button', 'pdc-send', this.text('rateSubmit'));
        submit.type = 'submit';
        submit.setAttribute('data-testid', 'chat-rating-submit');
        this.reasons = el('fieldset', 'pdc-reasons');
        this.reasons.setAttribute('data-testid', 'chat-rating-reasons');
        this.reasons.hidden = true;
        box.append(stars, this.reasons, comment, submit);
        box.addEventListener('submit', function (e) {
            e.preventDefault();
            var reasons = Array.prototype.filter.call(self.reasons.querySelectorAll('input'), function (box) {
                return box.checked;
            }).map(function (box) { return box.value; });
            self.api('POST', '/chats/' + self.saved.chat + '/rating',
                { score: self.score || null, comment: comment.value, reasons: reasons })
                .then(function () {
                    box.hidden = true;
                    self.showNotice(self.text('thanks'));
                }).catch(function (p) { self.showError(p); });
        });
        return box;
    };

    /** The game's question and the reasons it offers (state.survey); without one the game does not ask. */
    Widget.prototype.ask = function (survey) {
        var self = this;
        this.asked = true;
        if (!survey) { this.rating.hidden = true; return; }
        this.question.textContent = survey.question || this.text('rate');
        this.reasons.textContent = '';
        (survey.reasons || []).forEach(function (reason) {
            var label = el('label', 'pdc-reason');
            var tick = el('input');
            tick.type = 'checkbox';
            tick.value = reason.code;
            tick.setAttribute('data-testid', 'chat-reason-' + reason.code);
            label.append(tick, document.createTextNode(' ' + reason.label));
            self.reasons.append(label);
        });
        this.reasons.hidden = !(survey.reasons || []).length;
        this.rating.hidden = false;
    };

    Widget.prototype.submit = function () {
        var body = this.input.value.trim();
        if (!body) { return; }
        if (body.length > 1000) { this.showError({ code: 'chat.too-long' }); return; }
        this.input.value = '';
        var clientId = newId();
        if (!this.saved) {
            this.begin(clientId, body);
            return;
        }
        this.saved.pending[clientId] = body;
        this.save();
        this.render({ clientId: clientId, kind: 'player', body: body, pending: true });
        this.publish('/app/chat/' + this.saved.chat + '/send', { clientId: clientId, body: body });
    };

    Widget.prototype.begin = function (clientId, body) {
        var self = this;
        var id = this.config.identity || null;
        this.api('POST', '/' + encodeURIComponent(this.config.game) + '/chats',
            { identity: id, guestName: this.guestName.value || null, clientId: clientId, message: body })
            .then(function (state) {
                self.saved = { chat: state.chat, token: state.token, lastSeq: 0, pending: {} };
                self.save();
                self.guestName.hidden = true;
                self.apply(state);
                self.connect();
            }).catch(function (p) { self.input.value = body; self.showError(p); });
    };

    Widget.prototype.connected = function () {
        return !!(this.stomp && this.stomp.connected);
    };

    /** A JSON message to the server, if connected; unsent messages wait in pending and go again after reconnecting. */
    Widget.prototype.publish = function (destination, payload) {
        if (this.connected()) {
            this.stomp.publish({ destination: destination, headers: { 'content-type': 'application/json' },
                body: JSON.stringify(payload) });
        }
    };

    Widget.prototype.socketUrl = function () {
        var url = this.nodes[this.node].replace(/^http/, 'ws') + '/chat/ws';
        return /^wss?:/.test(url) ? url : location.origin.replace(/^http/, 'ws') + url;
    };

    Widget.prototype.connect = function () {
        var self = this;
        if (this.stomp) { this.stomp.deactivate(); }
        var client = new global.StompJs.Client({
            connectHeaders: { 'chat-session': this.saved.chat, 'chat-token': this.saved.token },
            heartbeatIncoming: 10000,
            heartbeatOutgoing: 10000,
            reconnectDelay: 1000,
            maxReconnectDelay: RETRY_MAX,
            reconnectTimeMode: global.StompJs.ReconnectionTimeMode.EXPONENTIAL,
            // every attempt goes to the current node; a lost connection moves on to the next one
            beforeConnect: function () { client.brokerURL = self.socketUrl(); },
            onConnect: function () {
                client.subscribe('/topic/chat.' + self.saved.chat, function (message) { self.onEvent(json(message)); });
                client.subscribe('/user/queue/errors', function (message) { self.showError(json(message)); });
                self.catchUp();
            },
            onStompError: function (frame) {
                var code = frame.headers.code;
                self.showError({ message: frame.headers.message || frame.body, code: code });
                if (code === 'chat.token.invalid') {
                    self.ended = true;
                    global.sessionStorage.removeItem(self.key);
                    client.deactivate();
                }
            },
            onWebSocketClose: function () {
                if (self.ended || client !== self.stomp) { return; }
                self.setStatus(self.text('reconnecting'));
                self.node = (self.node + 1) % self.nodes.length;
            }
        });
        this.stomp = client;
        client.activate();
    };

    /** After (re)connecting: what was missed, then whatever is still unsent, sent again (the server drops duplicates). */
    Widget.prototype.catchUp = function () {
        var self = this;
        this.api('GET', '/chats/' + this.saved.chat + '?after=' + (this.saved.lastSeq || 0)).then(function (state) {
            self.apply(state);
            Object.keys(self.saved.pending).forEach(function (clientId) {
                self.publish('/app/chat/' + self.saved.chat + '/send', { clientId: clientId, body: self.saved.pending[clientId] });
            });
        }).catch(function (p) { self.showError(p); });
    };

    Widget.prototype.apply = function (state) {
        var self = this;
        (state.lines || []).forEach(function (line) { self.render(line); });
        Object.keys(this.saved ? this.saved.pending : {}).forEach(function (clientId) {
            if (!self.bubbles[clientId]) {
                self.render({ clientId: clientId, kind: 'player', body: self.saved.pending[clientId], pending: true });
            }
        });
        if (state.bot) { this.showBot(state.bot); }
        this.onStatus(state.status, state);
        if (state.agentRead) { this.onRead(state.agentRead); }
    };

    /**
     * The article the bot answered the first message with: its title, a passage and a link to its
     * page in the help center; while the player has not said, "this solved it" and "talk to an agent".
     */
    Widget.prototype.showBot = function (bot) {
        var self = this;
        if (this.botShown !== bot.link) {
            this.botShown = bot.link;
            this.botBox.textContent = '';
            this.botBox.append(el('p', 'pdc-bot-intro', this.text('botIntro')));
            this.botBox.append(el('strong', 'pdc-bot-title', bot.title));
            if (bot.passage) { this.botBox.append(el('p', 'pdc-bot-passage', bot.passage)); }
            var read = el('a', 'pdc-bot-link', this.text('botRead'));
            read.href = this.base + bot.link;
            read.target = '_blank';
            read.rel = 'noopener';
            this.botBox.append(read);
            this.botActions = el('div', 'pdc-bot-actions');
            var solved = el('button', 'pdc-send', this.text('botSolved'));
            solved.type = 'button';
            solved.setAttribute('data-testid', 'chat-bot-solved');
            var agent = el('button', 'pdc-end', this.text('botAgent'));
            agent.type = 'button';
            agent.setAttribute('data-testid', 'chat-bot-agent');
            solved.addEventListener('click', function () { self.answerBot('solved'); });
            agent.addEventListener('click', function () { self.answerBot('agent'); });
            this.botActions.append(solved, agent);
            this.botBox.append(this.botActions);
        }
        this.botActions.hidden = bot.outcome !== 'offered';
        this.botBox.hidden = false;
    };

    Widget.prototype.answerBot = function (answer) {
        var self = this;
        if (!this.saved) { return; }
        this.botActions.hidden = true;
        this.api('POST', '/chats/' + this.saved.chat + '/bot', { answer: answer }).then(function (state) {
            self.apply(state);
            if (answer === 'solved') { self.showNotice(self.text('botSolvedNotice')); }
        }).catch(function (p) { self.botActions.hidden = false; self.showError(p); });
    };

    Widget.prototype.onEvent = function (event) {
        if (event.type === 'message') {
            this.render(event.line);
            if (event.line.kind === 'agent') { this.typing.hidden = true; this.markRead(); }
        } else if (event.type === 'status') {
            this.onStatus(event.status, event);
        } else if (event.type === 'typing' && event.side === 'agent') {
            var typing = this.typing;
            typing.hidden = false;
            clearTimeout(this.typingTimer);
            this.typingTimer = setTimeout(function () { typing.hidden = true; }, 4000);
        } else if (event.type === 'read' && event.side === 'agent') {
            this.onRead(event.seq);
        }
    };

    /**
     * While waiting, the state is also read every few seconds: the queue position moves as others
     * are served, and an acceptance announced before this page's subscription took hold is not missed.
     */
    Widget.prototype.pollWhileWaiting = function (waiting) {
        var self = this;
        clearTimeout(this.waitPoll);
        if (!waiting || this.ended || !this.saved) { return; }
        this.waitPoll = setTimeout(function () {
            self.api('GET', '/chats/' + self.saved.chat + '?after=' + (self.saved.lastSeq || 0))
                .then(function (state) { self.apply(state); })
                .catch(function () { self.pollWhileWaiting(true); });
        }, WAIT_POLL);
    };

    Widget.prototype.onStatus = function (status, state) {
        this.pollWhileWaiting(status === 'waiting');
        if (status !== 'bot' && this.botActions) { this.botActions.hidden = true; }
        if (status === 'bot') {
            this.setStatus(this.text('botStatus'));
        } else if (status === 'waiting') {
            this.setStatus(state.position ? this.text('queue', { position: state.position, minutes: state.expectedWaitMinutes })
                : this.text('waiting'));
        } else if (status === 'active') {
            this.setStatus(this.text('serving', { agent: state.agent || '' }));
        } else if (status === 'ticket') {
            this.setStatus(this.text('ticketStatus'));
            this.showNotice(this.text('ticket'), state.followLink);
        } else if (status === 'ended') {
            this.ended = true;
            this.setStatus(this.text('ended'));
            this.form.hidden = true;
            if (state.rating !== null && state.rating !== undefined) {
                this.rating.hidden = true;
            } else if (this.asked) {
                // asked already: a second word of the end (the answer and the event) changes nothing
            } else if (state.lines) {
                this.ask(state.survey); // an answer of the API: it carries the game's question, if it asks one
            } else if (this.saved) {
                var self = this; // an event of the chat: the question comes with the chat's state
                this.api('GET', '/chats/' + this.saved.chat + '?after=' + (this.saved.lastSeq || 0))
                    .then(function (answer) { self.ask(answer.rating ? null : answer.survey); })
                    .catch(function () { self.ask({ reasons: [] }); });
            }
            if (this.stomp) { this.stomp.deactivate(); }
            global.sessionStorage.removeItem(this.key);
        }
    };

    Widget.prototype.onRead = function (seq) {
        var self = this;
        Object.keys(this.seen).forEach(function (s) {
            var item = self.seen[s];
            if (Number(s) <= seq && item.classList.contains('pdc-player')) {
                item.querySelector('.pdc-state').textContent = self.text('read');
            }
        });
    };

    Widget.prototype.render = function (line) {
        if (line.seq && this.seen[line.seq]) { return; }
        var item = line.clientId && this.bubbles[line.clientId];
        if (!item) {
            item = el('li', 'pdc-line pdc-' + line.kind);
            if (line.kind === 'agent') { item.append(el('span', 'pdc-author', line.author)); }
            var body = el('span', 'pdc-body', line.body);
            item.append(body);
            if (line.imageId) {
                var img = el('img', 'pdc-img');
                img.alt = this.text('image');
                img.src = this.nodes[this.node] + '/chat/api/chats/' + this.saved.chat + '/images/' + line.imageId
                    + '?token=' + encodeURIComponent(this.saved.token);
                item.append(img);
            }
            item.append(el('span', 'pdc-state'));
            this.list.append(item);
            if (line.clientId) { this.bubbles[line.clientId] = item; }
        }
        if (line.seq) {
            item.classList.remove('pdc-pending');
            item.setAttribute('data-seq', line.seq);
            this.seen[line.seq] = item;
            if (line.kind === 'player') { item.querySelector('.pdc-state').textContent = this.text('delivered'); }
            if (this.saved) {
                delete this.saved.pending[line.clientId];
                this.saved.lastSeq = Math.max(this.saved.lastSeq || 0, line.seq);
                this.save();
            }
        } else {
            item.classList.add('pdc-pending');
            item.querySelector('.pdc-state').textContent = this.text('sending');
        }
        this.list.scrollTop = this.list.scrollHeight;
    };

    Widget.prototype.markRead = function () {
        if (this.saved && !this.panel.hidden && this.connected()) {
            this.publish('/app/chat/' + this.saved.chat + '/read', { seq: this.saved.lastSeq || 0 });
        }
    };

    Widget.prototype.sendTyping = function () {
        var now = Date.now();
        if (this.saved && this.connected() && (!this.typedAt || now - this.typedAt > 2000)) {
            this.typedAt = now;
            this.publish('/app/chat/' + this.saved.chat + '/typing', {});
        }
    };

    Widget.prototype.sendImage = function () {
        var self = this;
        var file = this.file.files[0];
        this.file.value = '';
        if (!file) { return; }
        if (!/^image\/(png|jpeg|gif|webp)$/.test(file.type)) { this.showError({ code: 'chat.image.type' }); return; }
        if (file.size > 5 * 1024 * 1024) { this.showError({ code: 'chat.image.size' }); return; }
        var form = new FormData();
        form.append('file', file);
        form.append('clientId', newId());
        this.api('POST', '/chats/' + this.saved.chat + '/images', form, true)
            .then(function (line) { self.render(line); })
            .catch(function (p) { self.showError(p); });
    };

    Widget.prototype.end = function () {
        var self = this;
        if (!this.saved) { return; }
        this.api('POST', '/chats/' + this.saved.chat + '/end').then(function (state) { self.onStatus(state.status, state); })
            .catch(function (p) { self.showError(p); });
    };

    Widget.prototype.setStatus = function (text) {
        this.status.textContent = text;
    };

    Widget.prototype.showNotice = function (text, link) {
        this.notice.textContent = text;
        if (link) {
            var a = el('a', null, this.text('ticketLink'));
            a.href = this.base + link;
            a.target = '_blank';
            a.rel = 'noopener';
            this.notice.append(' ', a);
        }
        this.notice.hidden = false;
    };

    /** Every refusal is shown: translated by its code when the widget knows it, else the server's words. */
    Widget.prototype.showError = function (problem) {
        var code = problem && problem.code;
        var text = code && this.t['error.' + code] ? this.t['error.' + code]
            : (problem && (problem.detail || problem.message)) || this.text('error.chat.failed');
        if (problem && problem.errors && problem.errors.length) {
            text = problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
        }
        this.error.textContent = text;
        this.error.hidden = false;
        if (problem && problem.clientId && this.bubbles[problem.clientId]) {
            this.bubbles[problem.clientId].classList.add('pdc-failed');
            this.bubbles[problem.clientId].querySelector('.pdc-state').textContent = this.text('failed');
            delete this.saved.pending[problem.clientId];
            this.save();
        }
        var error = this.error;
        clearTimeout(this.errorTimer);
        this.errorTimer = setTimeout(function () { error.hidden = true; }, 8000);
    };

    function configFrom(root) {
        var d = root.dataset;
        var scriptBase = '';
        var script = document.querySelector('script[src*="/chat/assets/widget.js"]');
        if (script) { scriptBase = script.src.replace(/\/chat\/assets\/widget\.js.*$/, ''); }
        var identity = d.signature ? {
            game: d.game, accountId: d.account, nickname: d.nickname || null,
            vipLevel: d.vip ? Number(d.vip) : null, server: d.server || null,
            timestamp: Number(d.ts), signature: d.signature
        } : null;
        return { base: d.base || scriptBase, nodes: d.nodes ? d.nodes.split(',') : null, game: d.game, lang: d.lang, identity: identity };
    }

    global.PlayerDeskChat = {
        mount: function (root, config) {
            var widget = new Widget(root, config);
            widget.start();
            return widget;
        }
    };

    function auto() {
        Array.prototype.forEach.call(document.querySelectorAll('[data-playerdesk-chat]'), function (root) {
            global.PlayerDeskChat.mount(root, configFrom(root));
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', auto);
    } else {
        auto();
    }
})(window);
