/** The one stylesheet of the EPUB and HTML downloads: readable defaults that an e-reader's own settings override. */
export const EXPORT_STYLESHEET = `body { font-family: Georgia, serif; line-height: 1.5; margin: 0 auto; max-width: 40em; padding: 0 1em; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
.toc-heading { font-size: 1em; text-transform: uppercase; letter-spacing: 0.1em; }
.message { font-size: 0.9em; }
dl.tags { font-size: 0.9em; }
dl.tags dt { font-weight: bold; }
dl.tags dd { margin: 0 0 0.4em 1.5em; }
.byline { font-style: italic; margin-bottom: 1em; }
blockquote.userstuff { margin: 0 0 1em 1.5em; }
.meta.group { margin-top: 2em; }
.center, .align-center { text-align: center; }
.align-right { text-align: right; }
.align-left { text-align: left; }
.align-justify { text-align: justify; }
.big { font-size: 1.2em; }
.tt { font-family: monospace; }
.cover { text-align: center; }
.cover img { max-width: 100%; max-height: 100%; }
table { border-collapse: collapse; }
td, th { border: 1px solid #999; padding: 0.2em 0.4em; }
`;
