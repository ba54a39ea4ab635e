// Security keys and passkeys in the back office (WebAuthn), without inline script:
// - a button marked data-webauthn-sign-in finishes a sign-in (or confirms it is you) through
//   Spring Security's WebAuthn endpoints;
// - a form marked data-webauthn-register asks the browser to create a key, puts the result in
//   its hidden "credential" field and submits, so the server answers with a normal page.
"use strict";
(() => {
  const toBytes = (text) => {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = window.atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  };
  const toText = (buffer) => window.btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");

  const postJson = async (url, headers, body) => {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...headers },
      body: body ? JSON.stringify(body) : undefined
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  };

  const signIn = async (button) => {
    const headers = { [button.dataset.csrfHeader]: button.dataset.csrf };
    const options = await postJson("/webauthn/authenticate/options", headers);
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) }))
    };
    const credential = await navigator.credentials.get({ publicKey });
    const response = credential.response;
    const answer = await postJson("/login/webauthn", headers, {
      id: credential.id,
      rawId: toText(credential.rawId),
      response: {
        authenticatorData: toText(response.authenticatorData),
        clientDataJSON: toText(response.clientDataJSON),
        signature: toText(response.signature),
        userHandle: response.userHandle ? toText(response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!answer.authenticated || !answer.redirectUrl) {
      throw new Error("Not accepted");
    }
    window.location.href = answer.redirectUrl;
  };

  const register = async (form) => {
    const token = form.querySelector("input[name=_csrf]").value;
    const options = await postJson(form.dataset.options, { "X-CSRF-TOKEN": token });
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      user: { ...options.user, id: toBytes(options.user.id) },
      excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) }))
    };
    const created = await navigator.credentials.create({ publicKey });
    const response = created.response;
    form.querySelector("input[name=credential]").value = JSON.stringify({
      id: created.id,
      rawId: toText(created.rawId),
      response: {
        attestationObject: toText(response.attestationObject),
        clientDataJSON: toText(response.clientDataJSON),
        transports: response.getTransports ? response.getTransports() : []
      },
      type: created.type,
      clientExtensionResults: created.getClientExtensionResults(),
      authenticatorAttachment: created.authenticatorAttachment
    });
    form.submit();
  };

  const showError = (element) => {
    if (element) {
      element.hidden = false;
      element.focus();
    }
  };

  document.querySelectorAll("[data-webauthn-sign-in]").forEach((button) => {
    button.addEventListener("click", () => {
      button.disabled = true;
      signIn(button).catch(() => {
        button.disabled = false;
        showError(document.getElementById("security-key-error"));
      });
    });
  });

  document.querySelectorAll("form[data-webauthn-register]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.PublicKeyCredential || form.querySelector("input[name=name]").value.trim() === "") {
        return;
      }
      event.preventDefault();
      register(form).catch(() => showError(form.querySelector("[data-webauthn-error]")));
    });
  });
})();
