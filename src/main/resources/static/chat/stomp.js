/*
 * A small STOMP 1.2 client over WebSocket, enough for PlayerDesk's chat: CONNECT with headers,
 * SUBSCRIBE, SEND (JSON), heart-beats, and ERROR frames handed to the caller. No dependencies.
 */
(function (global) {
    'use strict';

    function escapeHeader(value) {
        return String(value).replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/:/g, '\\c');
    }

    function unescapeHeader(value) {
        return value.replace(/\\(.)/g, function (all, c) {
            return c === 'n' ? '\n' : c === 'r' ? '\r' : c === 'c' ? ':' : c;
        });
    }

    function frame(command, headers, body) {
        var out = command + '\n';
        Object.keys(headers || {}).forEach(function (name) {
            var value = headers[name];
            if (value !== undefined && value !== null) {
                out += name + ':' + (command === 'CONNECT' ? value : escapeHeader(value)) + '\n';
            }
        });
        return out + '\n' + (body || '') + '\u0000';
    }

    function parse(text) {
        var split = text.indexOf('\n\n');
        var head = (split < 0 ? text : text.substring(0, split)).split('\n');
        var command = head.shift();
        var headers = {};
        head.forEach(function (line) {
            var colon = line.indexOf(':');
            if (colon > 0 && !(line.substring(0, colon) in headers)) {
                headers[line.substring(0, colon)] = command === 'CONNECTED' ? line.substring(colon + 1)
                    : unescapeHeader(line.substring(colon + 1));
            }
        });
        return { command: command, headers: headers, body: split < 0 ? '' : text.substring(split + 2) };
    }

    /**
     * new PlayerDeskStomp(url, connectHeaders, {onConnect, onError, onClose}).
     * onError receives the ERROR frame's message header; onClose the close event.
     */
    function Client(url, connectHeaders, handlers) {
        this.url = url;
        this.connectHeaders = connectHeaders || {};
        this.handlers = handlers || {};
        this.subscriptions = {};
        this.next = 0;
        this.connected = false;
    }

    Client.prototype.connect = function () {
        var self = this;
        var ws = new WebSocket(this.url);
        this.ws = ws;
        var buffer = '';
        ws.onopen = function () {
            var headers = { 'accept-version': '1.2', 'heart-beat': '10000,10000', host: location.hostname };
            Object.keys(self.connectHeaders).forEach(function (k) { headers[k] = self.connectHeaders[k]; });
            ws.send(frame('CONNECT', headers));
        };
        ws.onmessage = function (event) {
            self.lastHeard = Date.now();
            buffer += event.data;
            var end;
            while ((end = buffer.indexOf('\u0000')) >= 0) {
                var text = buffer.substring(0, end).replace(/^[\r\n]+/, '');
                buffer = buffer.substring(end + 1);
                if (text) {
                    self.receive(parse(text));
                }
            }
            buffer = buffer.replace(/^[\r\n]+/, '');
        };
        ws.onclose = function (event) {
            var was = self.connected;
            self.connected = false;
            clearInterval(self.beat);
            if (self.handlers.onClose) {
                self.handlers.onClose(event, was);
            }
        };
    };

    Client.prototype.receive = function (f) {
        var self = this;
        if (f.command === 'CONNECTED') {
            this.connected = true;
            this.lastHeard = Date.now();
            this.beat = setInterval(function () {
                if (Date.now() - self.lastHeard > 30000) {
                    self.ws.close();
                } else if (self.ws.readyState === 1) {
                    self.ws.send('\n');
                }
            }, 10000);
            if (this.handlers.onConnect) {
                this.handlers.onConnect(f.headers);
            }
        } else if (f.command === 'MESSAGE') {
            var callback = this.subscriptions[f.headers.subscription];
            if (callback) {
                var body;
                try { body = JSON.parse(f.body); } catch (e) { body = f.body; }
                callback(body, f.headers);
            }
        } else if (f.command === 'ERROR') {
            if (this.handlers.onError) {
                this.handlers.onError(f.headers.message || f.body, f.headers.code);
            }
        }
    };

    Client.prototype.subscribe = function (destination, callback) {
        var id = 'sub-' + (this.next++);
        this.subscriptions[id] = callback;
        this.ws.send(frame('SUBSCRIBE', { id: id, destination: destination }));
        return id;
    };

    Client.prototype.send = function (destination, payload) {
        if (!this.connected) {
            return false;
        }
        this.ws.send(frame('SEND', { destination: destination, 'content-type': 'application/json' },
            JSON.stringify(payload)));
        return true;
    };

    Client.prototype.close = function () {
        this.handlers = {};
        clearInterval(this.beat);
        if (this.ws) {
            this.ws.close();
        }
    };

    global.PlayerDeskStomp = Client;
})(window);
