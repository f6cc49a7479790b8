package io.taquilla.identity.login;

import org.springframework.web.util.HtmlUtils;

/** The shell of identity's few server-rendered pages: readable on a phone, no JavaScript. */
public final class Html {

    public static final String FOOT = "</main></body></html>";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#0b0c0c;background:#f3f2f1;font-size:1.1rem;line-height:1.4}
            main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem;background:#fff;min-height:100vh;box-sizing:border-box}
            h1{font-size:1.7rem;margin:0 0 1.2rem}
            .field{margin-bottom:1.2rem}
            label{display:block;font-weight:700;margin-bottom:.3rem}
            input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.6rem;border:2px solid #0b0c0c;border-radius:0}
            input:focus,button:focus,a:focus{outline:3px solid #fd0;outline-offset:0}
            button{font-size:1.1rem;padding:.7rem 1.2rem;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;cursor:pointer;width:100%}
            .error-summary{border:4px solid #d4351c;padding:1rem;margin-bottom:1.5rem}
            .error-summary h2{margin:0 0 .5rem;font-size:1.2rem}
            .error-summary a{color:#d4351c;font-weight:700}
            .field-error{border-left:5px solid #d4351c;padding-left:.8rem}
            .error-message{color:#d4351c;font-weight:700;margin:.2rem 0}
            .notice{border-left:5px solid #1d70b8;padding-left:.8rem}
            """;

    private Html() {
    }

    public static String head(String title) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Taquilla</title><style>%s</style></head><body><main>
                """.formatted(HtmlUtils.htmlEscape(title), STYLE);
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
