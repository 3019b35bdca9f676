//! The HTTP side of `redraft serve`: the page, three requests of its own
//! (compare, download, history), the guard in front of all of them, and
//! the queue that keeps the work within the machine's cores.
//!
//! | request | body | answer |
//! |---|---|---|
//! | `GET /?token=T` | | the page |
//! | `GET /app.js?token=T`, `GET /style.css?token=T` | | its script and style |
//! | `POST /api/compare` | `old`, `new` files | JSON [`work::Compared`] |
//! | `POST /api/download/{what}` | `old`, `new` files | the file (`docx`, `html`, `markdown`, `json`, `amendments-en`…) |
//! | `POST /api/history` | `version` files, oldest first | the history page |
//! | `POST /api/compile` | `base` file, `proposal` files, a `name` for each (may be empty), `by_author` | JSON [`compile::Compiled`] |
//! | `POST /api/compile/download/{what}` | the same | the file (`docx`, `html`, `json`, `markdown`, `text`) |
//!
//! Every request passes [`guard`] first: a wrong `Host`, a foreign
//! `Origin`, or a missing or wrong token is refused with 403 before the
//! body is read. A draft that cannot be read answers 422 with
//! `{"error": "NAME: what is wrong"}`, which the page shows.

use super::compile::{self, Proposal};
use super::guard::{self, TOKEN_HEADER, Token};
use super::limits::{MAX_BODY, MAX_FILE, MAX_FILES, MAX_WAITING};
use super::page;
use super::work::{self, Download, Upload};
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Semaphore;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    token: Token,
    port: u16,
    /// One permit per core: drafts are read and compared one per core at
    /// a time, the rest wait in order.
    jobs: Arc<Semaphore>,
    /// Requests waiting for a permit or working.
    queued: Arc<AtomicUsize>,
}

impl AppState {
    /// The state of a server on `port` with `token`, running at most
    /// `workers` jobs at once.
    pub fn new(token: Token, port: u16, workers: usize) -> AppState {
        AppState {
            token,
            port,
            jobs: Arc::new(Semaphore::new(workers.max(1))),
            queued: Arc::new(AtomicUsize::new(0)),
        }
    }
}

/// The router: the page, its requests, the guard and the body limit.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(script))
        .route("/style.css", get(style))
        .route("/api/compare", post(compare))
        .route("/api/download/{what}", post(download))
        .route("/api/history", post(history))
        .route("/api/compile", post(compile_page))
        .route("/api/compile/download/{what}", post(compile_download))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// A refusal or failure: a status and one line for the page.
struct Problem(StatusCode, String);

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.1 }).to_string();
        (self.0, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    }
}

/// Refuses a request that is not the page's own (see [`super::guard`]).
async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match refusal(&state, request.headers(), request.uri().query()) {
        Some(why) => (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            why,
        )
            .into_response(),
        None => secured(next.run(request).await),
    }
}

/// Why a request is refused, if it is.
fn refusal(state: &AppState, headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if !text(header::HOST).is_some_and(|h| guard::host_allowed(h, state.port)) {
        return Some(
            "refused: this page answers only to 127.0.0.1, localhost or [::1] with its own port"
                .to_string(),
        );
    }
    if let Some(origin) = headers.get(header::ORIGIN)
        && !origin
            .to_str()
            .is_ok_and(|o| guard::origin_allowed(o, state.port))
    {
        return Some("refused: a request from another site".to_string());
    }
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v == "cross-site")
    {
        return Some("refused: a request from another site".to_string());
    }
    let given = headers
        .get(TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .or_else(|| query.and_then(guard::token_in_query));
    if !given.is_some_and(|t| state.token.matches(t)) {
        return Some("refused: open the address that `redraft serve` printed (it carries the session's token)".to_string());
    }
    None
}

/// Headers on every answer: no caching of confidential text, no framing
/// by other sites, nothing loaded from the network.
fn secured(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let fixed = [
        (header::CACHE_CONTROL, "no-store"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

async fn index(State(state): State<AppState>) -> Response {
    let html = page::index(state.token.as_str());
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        page::SCRIPT,
    )
        .into_response()
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        page::STYLE,
    )
        .into_response()
}

async fn compare(State(state): State<AppState>, form: Multipart) -> Response {
    let result = async {
        let (old, new) = pair(read_form(form).await?.files)?;
        // Serialised on the worker: a long redline is megabytes of JSON.
        run(&state, move || {
            let compared = work::compare(&old, &new)?;
            Ok(serde_json::to_string(&compared).unwrap_or_default())
        })
        .await
    };
    json_answer(result.await)
}

async fn download(
    State(state): State<AppState>,
    Path(what): Path<String>,
    form: Multipart,
) -> Response {
    let result = async {
        let what = Download::parse(&what)
            .ok_or_else(|| Problem(StatusCode::NOT_FOUND, format!("no download '{what}'")))?;
        let (old, new) = pair(read_form(form).await?.files)?;
        let bytes = run(&state, move || work::download(&old, &new, what)).await?;
        Ok::<_, Problem>((what, bytes))
    };
    match result.await {
        Ok((what, bytes)) => attachment(&what.file_name(), what.mime(), bytes),
        Err(problem) => problem.into_response(),
    }
}

/// A JSON body, or the one-line problem.
fn json_answer(result: Result<String, Problem>) -> Response {
    match result {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(problem) => problem.into_response(),
    }
}

/// A file to save.
fn attachment(name: &str, mime: &str, bytes: Vec<u8>) -> Response {
    Response::builder()
        .header(header::CONTENT_TYPE, mime)
        .header(
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        )
        .body(Body::from(bytes))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

async fn compile_page(State(state): State<AppState>, form: Multipart) -> Response {
    let result = async {
        let (base, proposals, by_author) = proposals(read_form(form).await?)?;
        run(&state, move || {
            let compilation = compile::compile(&base, &proposals, by_author)?;
            let shown = compile::page(&compilation)?;
            Ok(serde_json::to_string(&shown).unwrap_or_default())
        })
        .await
    };
    json_answer(result.await)
}

async fn compile_download(
    State(state): State<AppState>,
    Path(what): Path<String>,
    form: Multipart,
) -> Response {
    let result = async {
        let what = compile::Download::parse(&what)
            .ok_or_else(|| Problem(StatusCode::NOT_FOUND, format!("no download '{what}'")))?;
        let (base, proposals, by_author) = proposals(read_form(form).await?)?;
        let bytes = run(&state, move || {
            what.render(&compile::compile(&base, &proposals, by_author)?)
        })
        .await?;
        Ok::<_, Problem>((what, bytes))
    };
    match result.await {
        Ok((what, bytes)) => attachment(what.file_name(), what.mime(), bytes),
        Err(problem) => problem.into_response(),
    }
}

/// The base, the proposals with their delegations' names (the i-th
/// `name` field names the i-th `proposal` file), and whether Word
/// proposals are read one author at a time.
fn proposals(form: Form) -> Result<(Upload, Vec<Proposal>, bool), Problem> {
    let texts = |name: &'static str| {
        form.texts
            .iter()
            .filter(move |(f, _)| f == name)
            .map(|(_, t)| t.as_str())
    };
    let mut names = texts("name");
    let by_author = texts("by_author").any(|v| v == "1" || v == "on" || v == "true");
    let mut base = None;
    let mut proposals = Vec::new();
    for (field, upload) in form.files {
        match field.as_str() {
            "base" if base.is_none() => base = Some(upload),
            "proposal" => proposals.push(Proposal::new(names.next().unwrap_or(""), upload)),
            _ => {}
        }
    }
    let base = base.ok_or_else(|| {
        Problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "choose the base draft first".to_string(),
        )
    })?;
    Ok((base, proposals, by_author))
}

async fn history(State(state): State<AppState>, form: Multipart) -> Response {
    let result = async {
        let versions: Vec<Upload> = read_form(form)
            .await?
            .files
            .into_iter()
            .filter(|(field, _)| field == "version")
            .map(|(_, upload)| upload)
            .collect();
        if versions.len() < 3 {
            return Err(Problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "a history needs three versions or more, oldest first (two are compared above)"
                    .to_string(),
            ));
        }
        run(&state, move || work::history(&versions)).await
    };
    match result.await {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        Err(problem) => problem.into_response(),
    }
}

/// The `old` and `new` files of a form.
fn pair(mut uploads: Vec<(String, Upload)>) -> Result<(Upload, Upload), Problem> {
    // Moved out, not copied: fifty waiting requests hold their drafts once.
    let mut take = |name: &str| {
        let at = uploads.iter().position(|(field, _)| field == name);
        at.map(|k| uploads.swap_remove(k).1).ok_or_else(|| {
            Problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("choose the {} version first", name.to_uppercase()),
            )
        })
    };
    Ok((take("old")?, take("new")?))
}

/// A form as read: its files and its short text fields, in order.
#[derive(Default)]
struct Form {
    files: Vec<(String, Upload)>,
    texts: Vec<(String, String)>,
}

/// Reads the fields of a form into memory: each file within
/// [`MAX_FILE`], at most [`MAX_FILES`] of them, and as many short text
/// fields (a delegation's name, a box ticked).
async fn read_form(mut form: Multipart) -> Result<Form, Problem> {
    let mut read = Form::default();
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        Problem(
            e.status(),
            format!("the upload could not be read: {}", e.body_text()),
        )
    };
    while let Some(mut field) = form.next_field().await.map_err(unreadable)? {
        let field_name = field.name().unwrap_or_default().to_string();
        let file = field.file_name().map(file_name);
        let (count, most) = match file {
            Some(_) => (read.files.len(), MAX_FILE),
            None => (read.texts.len(), MAX_TEXT),
        };
        if count == MAX_FILES {
            return Err(too_large(format!(
                "more than {MAX_FILES} files or names in one request"
            )));
        }
        let name = file.clone().unwrap_or_else(|| field_name.clone());
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if bytes.len() + chunk.len() > most {
                return Err(too_large(match file {
                    Some(_) => format!(
                        "{name}: larger than {} MiB, the most `redraft serve` takes",
                        MAX_FILE >> 20
                    ),
                    None => format!("the field '{name}' is longer than {MAX_TEXT} bytes"),
                }));
            }
            bytes.extend_from_slice(&chunk);
        }
        match file {
            Some(name) => read.files.push((field_name, Upload::new(name, bytes))),
            None => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                read.texts.push((field_name, text));
            }
        }
    }
    Ok(read)
}

/// The most a form's text field (a delegation's name) may weigh.
const MAX_TEXT: usize = 1024;

fn too_large(message: String) -> Problem {
    Problem(StatusCode::PAYLOAD_TOO_LARGE, message)
}

/// The last part of a file name a browser sent (some send a path).
fn file_name(given: &str) -> String {
    let base = given.rsplit(['/', '\\']).next().unwrap_or(given);
    let clean: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if clean.is_empty() {
        "upload".to_string()
    } else {
        clean
    }
}

/// Runs a job on a blocking thread once a core is free; refuses when
/// [`MAX_WAITING`] requests are already queued; a job that panics is a
/// 500, not a dead server.
async fn run<T: Send + 'static>(
    state: &AppState,
    job: impl FnOnce() -> crate::Result<T> + Send + 'static,
) -> Result<T, Problem> {
    let queued = Queued::enter(&state.queued);
    if queued.ahead > MAX_WAITING {
        return Err(Problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is busy with other comparisons; try again in a moment".to_string(),
        ));
    }
    let permit = state
        .jobs
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| internal())?;
    let outcome = tokio::task::spawn_blocking(move || {
        let result = job();
        drop(permit);
        super::memory::release();
        result
    })
    .await;
    drop(queued);
    // The answer (megabytes for a long draft) is freed once sent: give
    // that back too, a moment later.
    tokio::spawn(async {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let _ = tokio::task::spawn_blocking(super::memory::release).await;
    });
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(Problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::render::escape::one_line(&e.to_string()).into_owned(),
        )),
        Err(_) => Err(internal()),
    }
}

fn internal() -> Problem {
    Problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        "redraft failed on these drafts (an internal error, printed in the terminal); please report it".to_string(),
    )
}

/// A request counted in the queue while it lives.
struct Queued<'a> {
    count: &'a AtomicUsize,
    ahead: usize,
}

impl<'a> Queued<'a> {
    fn enter(count: &'a AtomicUsize) -> Queued<'a> {
        let ahead = count.fetch_add(1, Ordering::SeqCst);
        Queued { count, ahead }
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        self.count.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        AppState::new(Token::random().unwrap(), 8765, 1)
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    #[test]
    fn the_guard_wants_host_origin_and_token() {
        let s = state();
        let t = s.token.as_str().to_string();
        let ok = headers(&[("host", "127.0.0.1:8765"), (TOKEN_HEADER, &t)]);
        assert_eq!(refusal(&s, &ok, None), None);
        let query = format!("token={t}");
        let page = headers(&[("host", "localhost:8765")]);
        assert_eq!(refusal(&s, &page, Some(&query)), None);
        assert!(refusal(&s, &page, None).is_some(), "no token");
        let rebound = headers(&[("host", "attacker.test:8765"), (TOKEN_HEADER, &t)]);
        assert!(refusal(&s, &rebound, None).is_some());
        let foreign = headers(&[
            ("host", "127.0.0.1:8765"),
            ("origin", "http://attacker.test"),
            (TOKEN_HEADER, &t),
        ]);
        assert!(refusal(&s, &foreign, None).is_some());
        let cross = headers(&[
            ("host", "127.0.0.1:8765"),
            ("sec-fetch-site", "cross-site"),
            (TOKEN_HEADER, &t),
        ]);
        assert!(refusal(&s, &cross, None).is_some());
    }

    #[test]
    fn file_names_lose_their_directories() {
        assert_eq!(file_name("C:\\Users\\me\\draft.docx"), "draft.docx");
        assert_eq!(file_name("/tmp/a.txt"), "a.txt");
        assert_eq!(file_name(""), "upload");
        assert_eq!(file_name("a\nb.txt"), "ab.txt");
    }
}
