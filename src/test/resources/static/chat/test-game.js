// Mounts the widget the way a game's own script would, with the signed identity from the address.
(function () {
    'use strict';
    var q = new URLSearchParams(location.search);
    window.PlayerDeskChat.mount(document.getElementById('chat'), {
        base: location.origin, game: q.get('game'), lang: q.get('lang') || 'zh-CN',
        identity: {
            game: q.get('game'), accountId: q.get('accountId'), nickname: q.get('nickname'),
            vipLevel: Number(q.get('vipLevel')), server: q.get('server'), timestamp: Number(q.get('timestamp')),
            signature: q.get('signature')
        }
    });
})();
