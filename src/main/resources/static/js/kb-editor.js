// Article editor: an image chosen in the file field is uploaded at once and its Markdown,
// ![name](address), is inserted at the caret of the text; the preview follows.
(function () {
    'use strict';
    var box = document.querySelector('[data-testid="kb-image-upload"]');
    var body = document.getElementById('kb-body');
    if (!box || !body) {
        return;
    }
    var input = box.querySelector('input[type="file"]');
    var status = box.querySelector('[data-testid="kb-image-status"]');
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');

    function insert(text) {
        var start = body.selectionStart || 0;
        var end = body.selectionEnd || start;
        var before = body.value.substring(0, start);
        var glue = before && !/\n$/.test(before) ? '\n' : '';
        body.value = before + glue + text + '\n' + body.value.substring(end);
        var caret = start + glue.length + text.length + 1;
        body.setSelectionRange(caret, caret);
        body.focus();
        body.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    }

    input.addEventListener('change', function () {
        var file = input.files && input.files[0];
        if (!file) {
            return;
        }
        var data = new FormData();
        data.append('file', file);
        data.append('alt', file.name.replace(/\.[^.]+$/, ''));
        var headers = {};
        if (token && header) {
            headers[header.content] = token.content;
        }
        fetch(box.dataset.uploadUrl, { method: 'POST', body: data, headers: headers, credentials: 'same-origin' })
            .then(function (response) {
                return response.json().then(function (json) {
                    if (!response.ok) {
                        throw new Error(json.detail || (json.errors && json.errors[0] && json.errors[0].message) || response.status);
                    }
                    return json;
                });
            })
            .then(function (json) {
                insert(json.markdown);
                status.textContent = json.url;
                input.value = '';
            })
            .catch(function (error) {
                status.textContent = box.dataset.failed + ' ' + error.message;
            });
    });
}());
