// The email card of a ticket: remote images of a player's HTML mail stay blocked until the agent
// asks. The console's content policy keeps other sites' images out of the page, so asking lists
// each image's address as a link the agent may open in a new tab.
document.addEventListener('click', function (event) {
    var button = event.target.closest('.mail-remote-images');
    if (!button) {
        return;
    }
    var body = button.parentElement.querySelector('.mail-html-body');
    body.querySelectorAll('img[data-remote-src]').forEach(function (image) {
        var link = document.createElement('a');
        link.href = image.getAttribute('data-remote-src');
        link.textContent = image.getAttribute('data-remote-src');
        link.target = '_blank';
        link.rel = 'noopener noreferrer nofollow';
        image.replaceWith(link);
    });
    button.remove();
});
