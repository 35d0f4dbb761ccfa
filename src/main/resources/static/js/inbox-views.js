// PlayerDesk inbox views: saving the inbox as it is now as a named view, and the view tabs kept
// true while the filters change the table in place (htmx).
(function () {
    'use strict';
    var filters = document.querySelector('form.inbox-filters');

    document.addEventListener('submit', function (event) {
        var form = event.target;
        // every view form goes back to the inbox as the address bar shows it now
        Array.prototype.forEach.call(form.querySelectorAll('input[data-inbox-back]'), function (back) {
            back.value = window.location.pathname + window.location.search;
        });
        // a new view takes the filters as they are now, which htmx may have changed since the page came
        if (form.matches('form[data-save-view]') && filters) {
            Array.prototype.forEach.call(form.querySelectorAll('input[data-filter]'), function (input) {
                var field = filters.elements[input.getAttribute('data-filter')];
                if (field) {
                    input.value = field.value;
                }
            });
        }
    }, true);

    // changing a filter leaves the saved view that was open: the built-in view is current again
    document.addEventListener('htmx:beforeRequest', function (event) {
        if (!filters || event.detail.elt !== filters) {
            return;
        }
        var view = filters.elements.view ? filters.elements.view.value : null;
        Array.prototype.forEach.call(document.querySelectorAll('[data-saved-tab].active'), function (tab) {
            tab.classList.remove('active');
            tab.removeAttribute('aria-current');
        });
        Array.prototype.forEach.call(document.querySelectorAll('[data-view-tab]'), function (tab) {
            var current = tab.getAttribute('data-view-tab') === view;
            tab.classList.toggle('active', current);
            if (current) {
                tab.setAttribute('aria-current', 'page');
            } else {
                tab.removeAttribute('aria-current');
            }
        });
    });
})();
