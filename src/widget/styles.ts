/**
 * Shadow DOM styles. Host pages theme the widget with `--bq-*` custom properties on `blueprint-faq`;
 * without them it follows `prefers-color-scheme`.
 */
export const STYLES = `
:host{display:block;max-width:48rem;color-scheme:light dark;
--_font:var(--bq-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
--_radius:var(--bq-radius,10px);
--_bg:var(--bq-bg,#ffffff);--_fg:var(--bq-fg,#1b2130);--_muted:var(--bq-muted,#5a6275);
--_border:var(--bq-border,#d6dbe6);--_surface:var(--bq-surface,#f4f6fa);
--_accent:var(--bq-accent,#1f5fbf);--_accent-fg:var(--bq-accent-fg,#ffffff);
--_mark:var(--bq-mark,#ffe27a);--_mark-fg:var(--bq-mark-fg,#1b2130);
--_focus:var(--bq-focus,#c2410c);--_error:var(--bq-error,#b42318)}
@media (prefers-color-scheme:dark){:host{
--_bg:var(--bq-bg,#141821);--_fg:var(--bq-fg,#e7eaf1);--_muted:var(--bq-muted,#a3abbd);
--_border:var(--bq-border,#343b4c);--_surface:var(--bq-surface,#1c2230);
--_accent:var(--bq-accent,#7fb0ff);--_accent-fg:var(--bq-accent-fg,#0d1320);
--_mark:var(--bq-mark,#8a6d00);--_mark-fg:var(--bq-mark-fg,#fff8dc);
--_focus:var(--bq-focus,#ffb86b);--_error:var(--bq-error,#ff8a80)}}
:host([hidden]){display:none}
*{box-sizing:border-box}
.bq{font-family:var(--_font);font-size:1rem;line-height:1.5;color:var(--_fg);background:var(--_bg);
border:1px solid var(--_border);border-radius:var(--_radius);padding:1.25rem}
h2{font-size:1.3rem;margin:0 0 .25rem}
h4{margin:0;font-size:1rem}
h3{font-size:1rem;margin:1rem 0 .5rem;color:var(--_muted);text-transform:uppercase;letter-spacing:.04em}
.sub,.small,.status{color:var(--_muted);margin:.25rem 0}
.small{font-size:.875rem}
ul.faq{list-style:none;margin:0;padding:0;border-top:1px solid var(--_border)}
ul.faq>li{border-bottom:1px solid var(--_border)}
.q{all:unset;box-sizing:border-box;display:flex;gap:.5rem;width:100%;padding:.6rem .25rem;cursor:pointer;font:inherit;font-weight:600;color:var(--_fg)}
.q::before{content:"+";display:inline-block;width:1rem;color:var(--_accent);font-weight:700}
.q[aria-expanded=true]::before{content:"\\2212"}
.q:hover{color:var(--_accent)}
ul.faq [role=region]{padding:0 .25rem .75rem 1.75rem}
form{margin-top:1rem}
label{display:block;font-weight:600;margin-bottom:.35rem}
.row{display:flex;gap:.5rem}
input{flex:1;min-width:0;font:inherit;color:var(--_fg);background:var(--_surface);border:1px solid var(--_border);border-radius:calc(var(--_radius) - 4px);padding:.5rem .7rem}
button{font:inherit}
.ask,.retry{background:var(--_accent);color:var(--_accent-fg);border:0;border-radius:calc(var(--_radius) - 4px);padding:.5rem 1rem;font-weight:600;cursor:pointer}
.result{margin-top:1rem;min-height:1.5rem}
.result:empty{display:none}
.asked{margin:0 0 .25rem;color:var(--_muted);font-size:.9rem;overflow-wrap:anywhere}
.answer .text{margin:.25rem 0 .5rem}
.not-in-source{margin:0;color:var(--_fg)}
.fn,.src{background:none;border:0;padding:0 .1rem;color:var(--_accent);cursor:pointer;font-weight:600;text-decoration:underline}
.fn{font-size:.8em}
.src{text-decoration:none;border:1px solid var(--_border);border-radius:4px;min-width:1.6rem}
ol.sources{list-style:none;margin:.5rem 0 0;padding:0;font-size:.9rem;color:var(--_muted)}
ol.sources li{margin:.25rem 0}
.context{margin-top:.75rem;padding:.75rem 1rem;background:var(--_surface);border-left:4px solid var(--_accent);border-radius:4px}
.context blockquote{margin:.25rem 0}
.context-title{margin:0;font-size:.875rem;color:var(--_muted)}
mark{background:var(--_mark);color:var(--_mark-fg);padding:0 .1em;border-radius:2px}
.error{color:var(--_error)}
a{color:var(--_accent)}
:focus{outline:none}
:focus-visible,.context:focus{outline:3px solid var(--_focus);outline-offset:2px;border-radius:4px}
input:focus-visible{outline-offset:1px}
@media (prefers-reduced-motion:no-preference){.q,.fn,.src{transition:color .15s}}
`
