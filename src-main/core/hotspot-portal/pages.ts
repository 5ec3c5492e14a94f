/**
 * The captive-portal pages, made from the tenant's settings (pure: no database, no clock).
 *
 * RouterOS serves these files from the hotspot's html directory and replaces `$(variable)` in them before
 * sending each page (MikroTik manual, "HotSpot customisation", https://help.mikrotik.com/docs/x/AQAyBQ:
 * login.html — the login form, posting `username`, `password`, `dst`, `popup` to `$(link-login-only)`, with
 * the password hashed as MD5(chap-id + password + chap-challenge) by the router's own `/md5.js` when CHAP is
 * on (`$(if chap-id)`); alogin.html — after a login, `$(link-redirect)`; status.html — `$(username)`,
 * `$(uptime)`, `$(session-time-left)`, `$(bytes-in-nice)`, `$(link-logout)`; logout.html; error.html —
 * `$(error)`). redirect.html, rlogin.html, md5.js and errors.txt are left as the router made them.
 *
 * Everything from people (tenant name, plan names, phone) is HTML-escaped, and `$` too (`&#36;`), so a name
 * can neither add markup nor a RouterOS variable. Our only script is the fixed text below; it reads what it
 * needs from data attributes, never from text spliced into code.
 */
import type { PortalFile } from '@shared/contract/hotspot-portal';

export interface PortalPagePlan {
  id: string;
  name: string;
  /** The price as the customer reads it (`KES 50`). */
  price: string;
}

export interface PortalPageInput {
  title: string;
  /** `#rrggbb`; anything else falls back to the default blue. */
  colour: string;
  supportPhone: string;
  /** PNG/JPEG/WebP data URL, or null. */
  logoDataUrl: string | null;
  /** Plans sold with M-Pesa; empty (or no `buyUrl`) = no M-Pesa form. */
  plans: readonly PortalPagePlan[];
  /** `http://<lan>:<port>/portal/<tenantId>`, where the page asks the app to sell a voucher; null = no M-Pesa form. */
  buyUrl: string | null;
}

/**
 * HTML text and attribute escaping, plus `$` so RouterOS sees no variable in people's text, and every
 * non-ASCII character as a numeric reference: the files stay plain ASCII whatever the router does with bytes.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'$`]|[^\x20-\x7e]/gu, (c) => `&#${c.codePointAt(0)};`);
}

const SAFE_LOGO = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/;
/** Bigger logos are left off: every page view on the router carries the file. */
const MAX_LOGO_CHARS = 48 * 1024;

function colourOf(c: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#1c7ed6';
}

function page(input: PortalPageInput, titleSuffix: string, body: string, head = ''): string {
  const colour = colourOf(input.colour);
  const logo = input.logoDataUrl && input.logoDataUrl.length <= MAX_LOGO_CHARS && SAFE_LOGO.test(input.logoDataUrl)
    ? `<img class="logo" alt="" src="${input.logoDataUrl}">` : '';
  const support = input.supportPhone ? `<p class="small">Help: ${escapeHtml(input.supportPhone)}</p>` : '';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="pragma" content="no-cache"><meta http-equiv="expires" content="-1">
<title>${escapeHtml(input.title)} &#8212; ${titleSuffix}</title>${head}
<style>
body{margin:0;font-family:system-ui,Arial,sans-serif;background:#f4f5f7;color:#222}
.box{max-width:380px;margin:24px auto;background:#fff;border-radius:10px;padding:20px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:20px;margin:0 0 12px;color:${colour}}h2{font-size:16px;margin:18px 0 8px}
.logo{max-height:56px;max-width:100%;display:block;margin:0 auto 8px}
input,button{font-size:16px;width:100%;box-sizing:border-box;padding:10px;margin:4px 0;border-radius:6px;border:1px solid #bbb}
button{background:${colour};color:#fff;border:0;cursor:pointer}label.plan{display:block;padding:6px 0}label.plan input{width:auto;margin-right:8px}
.err{color:#c92a2a}.ok{color:#2b8a3e}.small{font-size:13px;color:#666}.code{font-size:22px;font-weight:bold;letter-spacing:2px}
</style></head>
<body><div class="box">${logo}<h1>${escapeHtml(input.title)}</h1>
${body}
${support}</div></body></html>
`;
}

// Polls every 4 s for about 3 minutes: Daraja's STK query advice (integrations.md §4.4) and its 2-minute prompt.
const LOGIN_SCRIPT = `<script>
(function(){
var f=document.forms.login,s=document.forms.sendin;
function go(){var u=f.username.value.trim(),p=f.password.value||u;
if(!u)return false;
if(s&&window.hexMD5){s.username.value=u;s.password.value=hexMD5(f.getAttribute('data-chap-id')+p+f.getAttribute('data-chap-challenge'));s.submit();return false;}
f.password.value=p;return true;}
f.onsubmit=go;
var q=new URLSearchParams(location.search);
if(q.get('username')){f.username.value=q.get('username');f.password.value=q.get('password')||'';if(go()!==false)f.submit();}
var b=document.getElementById('buy');if(!b)return;
var base=b.getAttribute('data-url'),msg=document.getElementById('buy-msg');
function say(t,c){msg.textContent=t;msg.className=c||'';}
var down='The payment service is not reachable right now. You can still log in with a voucher.';
function poll(id,n){fetch(base+'/purchase/'+encodeURIComponent(id)).then(function(r){return r.json();}).then(function(r){
if(!r.ok){localStorage.removeItem('ispdesk-purchase');say('');return;}
if(r.status==='paid'&&r.code){localStorage.removeItem('ispdesk-purchase');say('Paid. Your voucher: '+r.code+' - logging you in...','ok');f.username.value=r.code;f.password.value=r.password||r.code;setTimeout(function(){if(go()!==false)f.submit();},1500);return;}
if(r.status==='failed'){localStorage.removeItem('ispdesk-purchase');say('The payment did not go through ('+(r.reason||'failed')+'). You were not charged.','err');return;}
if(n>45){say('Still waiting. If you paid, open this page again later: your voucher will be shown here.','err');return;}
setTimeout(function(){poll(id,n+1);},4000);}).catch(function(){say(down,'err');});}
b.onsubmit=function(){var p=b.querySelector('input[name=plan]:checked');
if(!p){say('Choose a package.','err');return false;}
say('Sending the M-Pesa request to your phone...');
var key=localStorage.getItem('ispdesk-buy-key')||(Date.now().toString(36)+Math.random().toString(36).slice(2));
localStorage.setItem('ispdesk-buy-key',key);
fetch(base+'/buy',{method:'POST',headers:{'content-type':'text/plain'},body:JSON.stringify({planId:p.value,phone:b.phone.value,mac:b.getAttribute('data-mac'),ip:b.getAttribute('data-ip'),key:key})})
.then(function(r){return r.json();}).then(function(r){localStorage.removeItem('ispdesk-buy-key');
if(!r.ok){say(r.field==='phone'?'Enter a Safaricom number like 0712345678.':'That package cannot be bought here right now.','err');return;}
localStorage.setItem('ispdesk-purchase',r.purchaseId);say('Enter your M-Pesa PIN on your phone to pay.');poll(r.purchaseId,0);}).catch(function(){say(down,'err');});
return false;};
var open=localStorage.getItem('ispdesk-purchase');if(open){say('Checking your last payment...');poll(open,0);}
})();
</script>`;

function buyForm(input: PortalPageInput): string {
  if (!input.buyUrl || input.plans.length === 0) return '';
  const plans = input.plans.map((p, i) =>
    `<label class="plan"><input type="radio" name="plan" value="${escapeHtml(p.id)}"${i === 0 ? ' checked' : ''}>${escapeHtml(p.name)} &#8212; ${escapeHtml(p.price)}</label>`).join('\n');
  return `<h2>Buy with M-Pesa</h2>
<form id="buy" data-url="${escapeHtml(input.buyUrl)}" data-mac="$(mac)" data-ip="$(ip)">
${plans}
<input name="phone" type="tel" inputmode="tel" placeholder="M-Pesa phone number" autocomplete="tel" required>
<button type="submit">Pay with M-Pesa</button>
<p id="buy-msg" class="small" aria-live="polite"></p>
</form>`;
}

function loginPage(input: PortalPageInput): string {
  const body = `$(if error)<p class="err">$(error)</p>$(endif)
$(if chap-id)<form name="sendin" action="$(link-login-only)" method="post" style="display:none">
<input type="hidden" name="username"><input type="hidden" name="password">
<input type="hidden" name="dst" value="$(link-orig)"><input type="hidden" name="popup" value="true"></form>
<script src="/md5.js"></script>$(endif)
<h2>Have a voucher?</h2>
<form name="login" action="$(link-login-only)" method="post" data-chap-id="$(chap-id)" data-chap-challenge="$(chap-challenge)">
<input type="hidden" name="dst" value="$(link-orig)"><input type="hidden" name="popup" value="true">
<input name="username" placeholder="Voucher code" autocapitalize="off" autocomplete="off" value="$(username)" required>
<input name="password" type="password" placeholder="PIN (if your voucher has one)">
<button type="submit">Connect</button>
<p class="small">Scanning the QR code on a voucher logs you in directly.</p>
</form>
${buyForm(input)}
${LOGIN_SCRIPT}`;
  return page(input, 'log in', body);
}

/** Every page the kit installs, by file name. */
export function portalPages(input: PortalPageInput): Record<PortalFile, string> {
  return {
    'login.html': loginPage(input),
    'alogin.html': page(input, 'connected', `<p class="ok">You are connected.</p>
<p>If nothing happens, <a href="$(link-redirect)">continue</a>.</p>`, '\n<meta http-equiv="refresh" content="2; url=$(link-redirect)">'),
    'status.html': page(input, 'status', `<p>Voucher <b>$(username)</b> on $(ip)</p>
<p>Connected for $(uptime)$(if session-time-left), $(session-time-left) left$(endif).</p>
<p>Used: $(bytes-in-nice) up / $(bytes-out-nice) down</p>
<form action="$(link-logout)" name="logout" method="post"><input type="hidden" name="erase-cookie" value="on"><button type="submit">Log out</button></form>`,
    '\n$(if refresh-timeout)<meta http-equiv="refresh" content="$(refresh-timeout-secs)">$(endif)'),
    'logout.html': page(input, 'logged out', `<p>You have logged out. Voucher $(username) used $(uptime).</p>
<p><a href="$(link-login)">Log in again</a></p>`),
    'error.html': page(input, 'error', `<p class="err">$(error)</p><p><a href="$(link-login)">Back to log in</a></p>`),
  };
}
