// Live "places left": an element with data-places-stream names the event's stream (Server-Sent Events); each message
// carries the texts, and every element with data-places-text="<key>" shows that key's text (an online ticket type's
// line is under "online"). The words come from the server, so nothing is worded here. Without script the figures are
// simply as of page load.
(function () {
  var source = null;
  var url = null;

  function show(e) {
    var update = JSON.parse(e.data);
    document.querySelectorAll('[data-places-text]').forEach(function (el) {
      var key = el.getAttribute('data-places-text');
      var text = update.online && typeof update.online[key] === 'string' ? update.online[key] : update[key];
      if (typeof text === 'string' && el.textContent !== text) { el.textContent = text; }
    });
  }

  function connect() {
    var el = document.querySelector('[data-places-stream]');
    var next = el ? el.getAttribute('data-places-stream') : null;
    if (next === url) { return; }
    if (source) { source.close(); source = null; }
    url = next;
    if (!url || !window.EventSource) { return; }
    source = new EventSource(url);
    source.addEventListener('places', show);
  }

  connect();
  // Enhanced navigation swaps the page without reloading scripts: follow it to the next page's stream (or none).
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', connect); }
  window.addEventListener('pagehide', function () { if (source) { source.close(); source = null; url = null; } });
  window.addEventListener('pageshow', connect);
})();
