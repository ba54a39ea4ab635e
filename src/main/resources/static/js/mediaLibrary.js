/*
 * The media library's helpers. The pages work without them: a plain file input (which
 * USWDS turns into a drop zone that accepts dragged files), a form the server checks.
 * With them: the alt text field is set aside while an image is marked decorative, and a
 * button copies the Markdown snippet. No inline script or style: the back office's
 * Content-Security-Policy forbids both.
 */
(function () {
  'use strict';

  var decorative = document.getElementById('decorative');
  var alt = document.getElementById('altText');
  if (decorative && alt) {
    var sync = function () {
      alt.readOnly = decorative.checked;
      alt.setAttribute('aria-disabled', decorative.checked ? 'true' : 'false');
    };
    decorative.addEventListener('change', sync);
    sync();
  }

  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.value).then(function () {
        button.textContent = 'Copied';
      }, function () {
        source.select();
      });
    });
  });
}());
