// PlayerDesk: send the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// Files over the upload limit are refused by the server as well; checking here first saves the
// agent a long upload that would fail.
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) {
        return;
    }
    var max = Number(input.getAttribute('data-max-bytes'));
    var tooLarge = Array.prototype.some.call(input.files, function (file) { return file.size > max; });
    input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
    if (tooLarge) {
        input.reportValidity();
    }
});

// A checkbox with data-check-all="NAME" checks or unchecks every checkbox named NAME in its form
// (the linked group's members on the group sanction page).
document.addEventListener('change', function (event) {
    var all = event.target;
    if (!all.matches || !all.matches('input[type=checkbox][data-check-all]') || !all.form) {
        return;
    }
    var name = all.getAttribute('data-check-all');
    Array.prototype.forEach.call(all.form.querySelectorAll('input[type=checkbox]'), function (box) {
        if (box.name === name) {
            box.checked = all.checked;
        }
    });
});
