// The notes page (/notes/{token}) is a static page of plain forms. Where this script runs it adds: the notes save by
// themselves a moment after typing stops (a JSON post to the form's data-notes-autosave address, with the antiforgery
// token in a header), the Save button saves in place, and an upload shows its progress.
// Notes survive a lost signal: every change is also kept as a draft in this browser (localStorage, keyed by the
// session, never by the private link), the page says "Offline — saved on this device" while it cannot reach the
// server and saves when the connection returns; the draft is removed once saved. A save based on an older revision
// than the stored one is refused by the server (someone else saved in between): the page warns and keeps the draft
// until the writer chooses to save over it.
(function () {
  var DEBOUNCE_MS = 1500;
  var RETRY_MS = 5000;
  var OFFLINE = 'Offline — saved on this device';
  var FIELDS = ['Convener', 'Participants', 'ParticipantsConsented', 'KeyPoints', 'Actions', 'Links'];

  function setup() {
    var form = document.querySelector('form[data-notes-autosave]');
    if (!form || form.hasAttribute('data-notes-ready')) { return; }
    form.setAttribute('data-notes-ready', '');

    var status = form.querySelector('[data-notes-status]');
    var revisionField = form.querySelector('[data-notes-revision]');
    var conflict = form.querySelector('[data-notes-conflict]');
    var timer = null;
    var saving = null;
    var dirty = false;

    function say(text) { if (status) { status.textContent = text; } }
    function token() {
      var field = form.querySelector('input[name="__RequestVerificationToken"]');
      return field ? field.value : '';
    }
    function values() {
      var data = {};
      FIELDS.forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (!field) { return; }
        data[name.charAt(0).toLowerCase() + name.slice(1)] = field.type === 'checkbox' ? field.checked : field.value;
      });
      data.baseRevision = Number(revisionField.value);
      return data;
    }
    function showConflict(message) {
      if (!conflict) { return; }
      conflict.querySelector('[data-notes-conflict-text]').textContent = message;
      conflict.hidden = !message;
    }

    var draftKey = form.getAttribute('data-notes-draft');
    var retry = null;
    function storage() { try { return window.localStorage; } catch (e) { return null; } }
    function keepDraft() {
      var store = storage();
      if (!store || !draftKey) { return; }
      try { store.setItem(draftKey, JSON.stringify(values())); } catch (e) { /* full or blocked: the server copy still counts */ }
    }
    function dropDraft() { var store = storage(); if (store && draftKey) { store.removeItem(draftKey); } }
    function readDraft() {
      var store = storage();
      var text = store && draftKey ? store.getItem(draftKey) : null;
      try { return text ? JSON.parse(text) : null; } catch (e) { return null; }
    }
    function offline() {
      dirty = true;
      say(OFFLINE);
      clearTimeout(retry);
      retry = setTimeout(function () { if (dirty) { save(); } }, RETRY_MS);
    }

    // One save at a time; a change made while one is in flight schedules the next.
    function save() {
      clearTimeout(timer);
      if (saving) { return saving.then(function () { return dirty ? save() : undefined; }); }
      if (navigator.onLine === false) { offline(); return Promise.resolve(); }
      dirty = false;
      say('Saving…');
      var body = values();
      saving = fetch(form.getAttribute('data-notes-autosave'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': token() },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return null; }).then(function (answer) {
          if (response.ok && answer) {
            revisionField.value = String(answer.revision);
            showConflict('');
            if (dirty) { keepDraft(); } else { dropDraft(); }
            say(answer.status);
            form.dispatchEvent(new CustomEvent('notes:saved', { detail: answer }));
          } else if (response.status === 409 && answer) {
            dirty = true;
            form.setAttribute('data-notes-theirs', String(answer.revision));
            showConflict(answer.status);
            say('Not saved: someone else saved these notes');
            form.dispatchEvent(new CustomEvent('notes:stale', { detail: answer }));
          } else {
            dirty = true;
            say(answer && answer.status ? answer.status : 'Not saved. Reload the page and try again');
          }
        });
      }, offline).then(function () { saving = null; });
      return saving;
    }

    function changed() {
      dirty = true;
      keepDraft();
      if (form.hasAttribute('data-notes-theirs')) { return; }
      if (navigator.onLine === false) { say(OFFLINE); return; }
      say('Changes not saved yet');
      clearTimeout(timer);
      timer = setTimeout(save, DEBOUNCE_MS);
      form.dispatchEvent(new CustomEvent('notes:changed'));
    }

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!form.hasAttribute('data-notes-theirs')) { save(); }
    });
    if (conflict) {
      conflict.querySelector('[data-notes-overwrite]').addEventListener('click', function () {
        // Knowingly on top of the other person's save: based on their revision.
        revisionField.value = form.getAttribute('data-notes-theirs');
        form.removeAttribute('data-notes-theirs');
        save();
      });
    }

    // The page's other forms reload it: save the notes first so nothing typed is lost.
    document.querySelectorAll('main form').forEach(function (other) {
      if (other === form || other.hasAttribute('data-notes-upload')) { return; }
      other.addEventListener('submit', function (e) {
        if (!dirty || form.hasAttribute('data-notes-theirs')) { return; }
        e.preventDefault();
        save().then(function () { other.submit(); });
      });
    });

    var upload = document.querySelector('form[data-notes-upload]');
    if (upload) { setupUpload(upload, function () { return dirty ? save() : Promise.resolve(); }); }

    window.addEventListener('online', function () { if (dirty && !form.hasAttribute('data-notes-theirs')) { save(); } });
    window.addEventListener('offline', function () { if (dirty) { say(OFFLINE); } });

    // A draft left from a visit that could not save (closed while offline): put it back and save it, against the
    // revision it was based on, so a save by someone else since then is warned about, not overwritten.
    var draft = readDraft();
    if (draft) {
      var differs = false;
      FIELDS.forEach(function (name) {
        var field = form.elements.namedItem(name);
        var value = draft[name.charAt(0).toLowerCase() + name.slice(1)];
        if (!field || value === undefined) { return; }
        if (field.type === 'checkbox') { differs = differs || field.checked !== value; field.checked = value; }
        else { differs = differs || field.value !== value; field.value = value; }
      });
      if (differs) {
        revisionField.value = String(draft.baseRevision);
        dirty = true;
        say('Restored from this device');
        save();
      } else {
        dropDraft();
      }
    }

    window.eventHub.notes = { form: form, save: save, say: say, isDirty: function () { return dirty; } };
    form.dispatchEvent(new CustomEvent('notes:ready'));
  }

  // Sends the file with XMLHttpRequest (fetch reports no upload progress), then follows the endpoint's redirect back
  // to the page, which says what happened.
  function setupUpload(upload, before) {
    var progressBox = upload.querySelector('[data-notes-progress]');
    var progress = upload.querySelector('progress');
    var problem = upload.querySelector('[data-notes-upload-problem]');
    upload.addEventListener('submit', function (e) {
      var input = upload.querySelector('input[type=file]');
      var file = input && input.files && input.files[0];
      if (!file || !window.FormData) { return; }
      e.preventDefault();
      if (file.size > Number(upload.getAttribute('data-max-bytes'))) {
        window.location.assign(upload.getAttribute('data-too-large'));
        return;
      }
      var data = new FormData(upload);
      before().then(function () {
        problem.hidden = true;
        progressBox.hidden = false;
        progress.value = 0;
        progress.textContent = '0%';
        var request = new XMLHttpRequest();
        request.open('POST', upload.action);
        request.upload.addEventListener('progress', function (p) {
          if (!p.lengthComputable) { return; }
          var percent = Math.min(100, Math.floor(p.loaded * 100 / p.total));
          progress.value = percent;
          progress.textContent = percent + '%';
        });
        request.addEventListener('load', function () {
          if (request.status === 200 && request.responseURL) { window.location.assign(request.responseURL); return; }
          var page = new DOMParser().parseFromString(request.responseText || '', 'text/html').querySelector('main p');
          fail(page ? page.textContent : 'The file could not be uploaded. Try again');
        });
        request.addEventListener('error', function () { fail('The file could not be uploaded. Check your connection and try again'); });
        request.send(data);
      });
    });
    function fail(text) {
      progressBox.hidden = true;
      problem.textContent = text;
      problem.hidden = false;
    }
  }

  document.addEventListener('DOMContentLoaded', setup);
  if (document.readyState !== 'loading') { setup(); }
  window.eventHub.onEnhancedLoad(setup);
})();
