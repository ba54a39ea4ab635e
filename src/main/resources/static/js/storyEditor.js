/*
 * The story editor's helpers. The form works without them: a plain textarea, a save
 * button and server-side checks. With them: a Markdown toolbar (EasyMDE), an address
 * suggested from the title, a copy of unsaved text kept in this browser (so text typed
 * when the session has ended is never lost), and a save every 30 seconds for drafts.
 * No inline script or style: the back office's Content-Security-Policy forbids both.
 */
(function () {
  'use strict';

  var AUTOSAVE_EVERY = 30000;
  var FIELDS = ['title', 'slug', 'type', 'authorIds', 'topicIds', 'summary', 'dateline', 'bodyMarkdown',
    'heroMediaId', 'documentIds', 'changeKind', 'changeNote', 'message', 'version'];
  var MULTIPLE = ['authorIds', 'topicIds', 'documentIds'];

  var form = document.getElementById('story-form');
  if (!form) {
    return;
  }
  var storageKey = 'gazette-unsaved:' + form.dataset.storageKey;
  var status = document.getElementById('autosave-status');
  var editor = null;

  /* Same rule as the server's Slugs.fromTitle. */
  function slugify(title) {
    var slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug.length > 120) {
      var cut = slug.lastIndexOf('-', 120);
      slug = slug.substring(0, cut > 0 ? cut : 120);
    }
    return slug;
  }

  function suggestSlug() {
    var title = form.elements.namedItem('title');
    var slug = document.getElementById('slug');
    if (!title || !slug || slug.readOnly) {
      return;
    }
    var following = slug.value === '' || slug.value === slugify(title.value);
    slug.addEventListener('input', function () {
      following = slug.value === '';
    });
    title.addEventListener('input', function () {
      if (following) {
        slug.value = slugify(title.value);
      }
    });
  }

  function startToolbar() {
    var body = document.getElementById('bodyMarkdown');
    if (!body || typeof window.EasyMDE === 'undefined') {
      return;
    }
    var E = window.EasyMDE;
    var button = function (name, action, text, title) {
      return { name: name, action: action, text: text, title: title, className: 'gazette-tool-' + name };
    };
    editor = new E({
      element: body,
      autoDownloadFontAwesome: false,
      spellChecker: false,
      nativeSpellcheck: true,
      forceSync: true,
      status: false,
      promptURLs: false,
      minHeight: '320px',
      toolbar: [
        button('heading', E.toggleHeading2, 'Heading', 'Heading'),
        button('subheading', E.toggleHeading3, 'Subheading', 'Subheading'),
        button('bold', E.toggleBold, 'Bold', 'Bold'),
        button('italic', E.toggleItalic, 'Italic', 'Italic'),
        button('link', E.drawLink, 'Link', 'Link'),
        button('bulleted', E.toggleUnorderedList, 'Bulleted list', 'Bulleted list'),
        button('numbered', E.toggleOrderedList, 'Numbered list', 'Numbered list'),
        button('quote', E.toggleBlockquote, 'Quote', 'Quote'),
        button('table', E.drawTable, 'Table', 'Table'),
        button('undo', E.undo, 'Undo', 'Undo'),
        button('redo', E.redo, 'Redo', 'Redo')
      ]
    });
    // EasyMDE takes its buttons out of the tab order; keyboard users need them.
    form.querySelectorAll('.editor-toolbar button').forEach(function (b) {
      b.tabIndex = 0;
    });
    var input = editor.codemirror.getInputField();
    input.setAttribute('aria-labelledby', 'bodyMarkdown-label');
    var described = body.getAttribute('aria-describedby');
    if (described) {
      input.setAttribute('aria-describedby', described);
    }
    document.getElementById('bodyMarkdown-label').addEventListener('click', function () {
      editor.codemirror.focus();
    });
    editor.codemirror.on('change', remember);
  }

  /* Buttons that put a library image's Markdown where the cursor is in the text. */
  function startImageButtons() {
    var body = document.getElementById('bodyMarkdown');
    form.querySelectorAll('button.gazette-insert-image').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var snippet = '\n\n' + button.dataset.markdown + '\n\n';
        if (editor) {
          editor.codemirror.replaceSelection(snippet);
          editor.codemirror.focus();
        } else if (body) {
          var at = body.selectionStart || body.value.length;
          body.value = body.value.substring(0, at) + snippet + body.value.substring(body.selectionEnd || at);
          body.focus();
        }
        remember();
        say('The image is in the text where the cursor was.');
      });
    });
  }

  function values() {
    if (editor) {
      editor.codemirror.save();
    }
    var data = {};
    FIELDS.forEach(function (name) {
      var multiple = MULTIPLE.indexOf(name) >= 0;
      var found = [];
      Array.prototype.forEach.call(form.elements, function (e) {
        if (e.name !== name) {
          return;
        }
        if ((e.type === 'radio' || e.type === 'checkbox') && !e.checked) {
          return;
        }
        found.push(e.value);
      });
      data[name] = multiple ? found : (found.length ? found[0] : null);
    });
    return data;
  }

  function fill(data) {
    FIELDS.forEach(function (name) {
      var value = data[name];
      if (value === null || value === undefined) {
        return;
      }
      if (name === 'authorIds') {
        var selects = form.querySelectorAll('select[name=authorIds]');
        selects.forEach(function (s, i) {
          s.value = (i < value.length) ? value[i] : '';
        });
        return;
      }
      Array.prototype.forEach.call(form.elements, function (e) {
        if (e.name !== name) {
          return;
        }
        if (e.type === 'checkbox') {
          e.checked = value.indexOf(e.value) >= 0;
        } else if (e.type === 'radio') {
          e.checked = e.value === value;
        } else if (!e.readOnly) {
          e.value = value;
        }
      });
      if (name === 'bodyMarkdown' && editor) {
        editor.value(value);
      }
    });
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  var shown = values();
  var timer = null;

  /* Keeps a copy of what is typed in this browser until the server has it. */
  function remember() {
    clearTimeout(timer);
    timer = setTimeout(rememberNow, 500);
  }

  function rememberNow() {
    var data = values();
    if (same(data, shown)) {
      return;
    }
    try {
      localStorage.setItem(storageKey, JSON.stringify({ savedAt: new Date().toISOString(), fields: data }));
    } catch (e) {
      // Storage full or switched off: the form still posts as usual.
    }
  }

  function forget() {
    try {
      localStorage.removeItem(storageKey);
    } catch (e) {
      // Nothing to forget.
    }
  }

  function offerUnsavedCopy() {
    var notice = document.getElementById('unsaved-copy');
    if (form.dataset.fresh === 'true') {
      // The page shows what was just saved; a copy from before is out of date.
      forget();
      try {
        localStorage.removeItem('gazette-unsaved:new');
      } catch (e) {
        // Nothing to forget.
      }
      return;
    }
    var stored = null;
    try {
      stored = JSON.parse(localStorage.getItem(storageKey));
    } catch (e) {
      stored = null;
    }
    if (!stored || !stored.fields || same(stored.fields, values()) || !notice) {
      return;
    }
    var when = new Date(stored.savedAt);
    document.getElementById('unsaved-copy-time').textContent = 'at ' + when.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
    notice.hidden = false;
    document.getElementById('unsaved-copy-restore').addEventListener('click', function () {
      // The version it was typed against comes back too, so a save still notices
      // anyone who saved in between.
      fill(stored.fields);
      notice.hidden = true;
      say('Your unsaved text is back in the form. Save to keep it.');
      form.elements.namedItem('title').focus();
    });
    document.getElementById('unsaved-copy-discard').addEventListener('click', function () {
      forget();
      notice.hidden = true;
      say('Unsaved text discarded.');
      form.elements.namedItem('title').focus();
    });
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  var lastSent = null;
  var signInLink = null;

  function autosave() {
    var url = form.dataset.autosaveUrl;
    var data = values();
    if (same(data, lastSent === null ? shown : lastSent)) {
      return;
    }
    var token = form.elements.namedItem('_csrf');
    fetch(url, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { 'X-CSRF-TOKEN': token ? token.value : '', Accept: 'application/json' },
      credentials: 'same-origin',
      redirect: 'manual'
    }).then(function (response) {
      var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
      if (!json) {
        // Signed out (the session ended): the server redirects to sign in.
        notSignedIn();
        return null;
      }
      return response.json().then(function (answer) {
        if (answer.status === 'saved') {
          form.elements.namedItem('version').value = answer.version;
          lastSent = values();
          shown = lastSent;
          forget();
        }
        say(answer.message);
      });
    }).catch(function () {
      say('Not saved: the server could not be reached. Your text is kept in this browser.');
    });
  }

  function notSignedIn() {
    rememberNow();
    say('Not saved: you are signed out. Your text is kept in this browser. Sign in again, then restore it and save.');
    if (!signInLink && status) {
      signInLink = document.createElement('a');
      signInLink.className = 'usa-link';
      signInLink.href = location.pathname;
      signInLink.textContent = 'Sign in again';
      status.parentNode.insertBefore(signInLink, status.nextSibling);
    }
  }

  suggestSlug();
  startToolbar();
  startImageButtons();
  shown = values();
  offerUnsavedCopy();
  form.addEventListener('input', remember);
  form.addEventListener('change', remember);
  form.addEventListener('submit', rememberNow);
  if (form.dataset.autosaveUrl) {
    setInterval(autosave, Number(form.dataset.autosaveEvery || AUTOSAVE_EVERY));
  }
}());
