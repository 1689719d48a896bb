// The invitation page's only script. The invitation's token is in the link's fragment
// (#token=pli_…), which browsers never send to a server, so no server log holds it. This moves it
// out of the address bar and the history at once (a shared screen, a copied address, the next
// page's Referer) and posts it to the server in the page's first form.
(function () {
  "use strict";
  var form = document.getElementById("invitation-preview");
  if (!form) {
    return;
  }

  var match = /(?:^#|&)token=([^&]*)/.exec(window.location.hash);
  history.replaceState(null, "", window.location.pathname + window.location.search);

  var token = "";
  if (match) {
    try {
      token = decodeURIComponent(match[1]);
    } catch (malformed) {
      token = "";
    }
  }

  if (!token) {
    document.getElementById("invitation-missing").hidden = false;
    return;
  }

  document.getElementById("invitation-token").value = token;
  document.getElementById("invitation-reading").hidden = false;
  form.submit();
})();
