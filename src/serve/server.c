/*
 * server.c - `tacitus serve`: libmicrohttpd in thread-pool mode (one
 * internal epoll/poll thread per worker, --threads, default 4), each worker
 * borrowing one of as many read-only store connections; static files from
 * the built web folder only; caps on request size, parameters (request.c),
 * rows and reply size (api.c) and query time (a SQLite progress handler
 * interrupts a statement past --timeout-ms); SIGINT and SIGTERM stop it
 * cleanly (requests in progress finish, connections close, the database
 * is closed).
 *
 * libmicrohttpd pitfall (../shared/docs/LIBRARIES.md): a reply queued on
 * the first call of the access handler gets "Connection: close"; replies
 * are queued on the second call.
 */
#define _GNU_SOURCE
#include "serve/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef TC_WEB_DIR
#define TC_WEB_DIR "build/web"
#endif

enum { EXIT_OK = 0, EXIT_FATAL = 2 };

typedef struct slot {
    tc_store *store;
    bool busy;
    struct timespec deadline;
} slot;

typedef struct server {
    const char *db_path, *db_name;
    char web_root[PATH_MAX];
    size_t web_len;
    long timeout_ms;
    pthread_mutex_t lock;
    pthread_cond_t freed;
    slot *slots;
    int nslots;
} server;

/* What one request carries between the calls of the access handler. */
typedef struct conn_ctx {
    tc_api_req req;
    tc_api_err err;
    bool ok;
    bool started;
    bool body;
} conn_ctx;

static const char *const security_headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self' "
     "'unsafe-inline'; connect-src 'self'; object-src 'none'; "
     "frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-cache"},
};

/* ---- The store pool ---- */

static int progress(void *arg)
{
    const slot *s = arg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > s->deadline.tv_sec ||
           (now.tv_sec == s->deadline.tv_sec &&
            now.tv_nsec > s->deadline.tv_nsec);
}

static slot *acquire(server *sv)
{
    slot *s = NULL;
    int i;
    pthread_mutex_lock(&sv->lock);
    while (!s) {
        for (i = 0; i < sv->nslots && !s; i++)
            if (!sv->slots[i].busy)
                s = &sv->slots[i];
        if (!s)
            pthread_cond_wait(&sv->freed, &sv->lock);
    }
    s->busy = true;
    pthread_mutex_unlock(&sv->lock);
    clock_gettime(CLOCK_MONOTONIC, &s->deadline);
    s->deadline.tv_sec += sv->timeout_ms / 1000;
    s->deadline.tv_nsec += (sv->timeout_ms % 1000) * 1000000L;
    if (s->deadline.tv_nsec >= 1000000000L) {
        s->deadline.tv_sec++;
        s->deadline.tv_nsec -= 1000000000L;
    }
    return s;
}

static void release(server *sv, slot *s)
{
    pthread_mutex_lock(&sv->lock);
    s->busy = false;
    pthread_cond_signal(&sv->freed);
    pthread_mutex_unlock(&sv->lock);
}

/* ---- Replies ---- */

static void add_headers(struct MHD_Response *r, const char *type)
{
    size_t i;
    MHD_add_response_header(r, "Content-Type", type);
    for (i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
        MHD_add_response_header(r, security_headers[i][0],
                                security_headers[i][1]);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, tc_api_reply *rep)
{
    struct MHD_Response *r;
    enum MHD_Result ret;
    if (!rep->body)
        return MHD_NO;
    r = MHD_create_response_from_buffer(rep->len, rep->body,
                                        MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(rep->body);
        return MHD_NO;
    }
    add_headers(r, "application/json; charset=utf-8");
    if (rep->status == 405)
        MHD_add_response_header(r, "Allow", "GET, HEAD");
    ret = MHD_queue_response(c, (unsigned)rep->status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status,
                                  const char *code, const char *message)
{
    tc_api_err e;
    tc_api_reply rep;
    memset(&e, 0, sizeof e);
    e.status = status;
    e.code = code;
    snprintf(e.message, sizeof e.message, "%.200s", message);
    tc_api_error_reply(&e, &rep);
    return send_reply(c, &rep);
}

static const char *content_type(const char *file)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(file, '.');
    size_t i;
    for (i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i][0]) == 0)
            return types[i][1];
    return "application/octet-stream";
}

/* A file of the web folder.  The request's path is already limited to
 * [A-Za-z0-9._-/] without dot segments (request.c); the real path, links
 * resolved, must still be a regular file under the folder. */
static enum MHD_Result send_file(server *sv, struct MHD_Connection *c,
                                 const char *file)
{
    char path[PATH_MAX], real[PATH_MAX];
    struct stat sb;
    struct MHD_Response *r;
    enum MHD_Result ret;
    int fd;
    if ((size_t)snprintf(path, sizeof path, "%s/%s", sv->web_root, file) >=
            sizeof path ||
        !realpath(path, real) || strncmp(real, sv->web_root, sv->web_len) ||
        real[sv->web_len] != '/')
        return send_error(c, 404, "not_found", "no such file");
    fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        if (fd >= 0)
            close(fd);
        return send_error(c, 404, "not_found", "no such file");
    }
    r = MHD_create_response_from_fd64((uint64_t)sb.st_size, fd);
    if (!r) {
        close(fd);
        return MHD_NO;
    }
    add_headers(r, content_type(real));
    ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* ---- libmicrohttpd callbacks ---- */

/* Called first with the request target as sent: it is parsed here (so
 * the fuzzed parser is the one that runs) and becomes the request's
 * context. */
static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
    conn_ctx *x = calloc(1, sizeof *x);
    (void)cls;
    (void)c;
    if (x)
        x->ok = tc_api_parse(uri, strlen(uri), &x->req, &x->err);
    return x;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    conn_ctx *x = *con_cls;
    (void)cls;
    (void)c;
    (void)toe;
    if (x) {
        tc_api_req_free(&x->req);
        free(x);
    }
    *con_cls = NULL;
}

static enum MHD_Result header_bytes(void *cls, enum MHD_ValueKind kind,
                                    const char *key, const char *value)
{
    size_t *n = cls;
    (void)kind;
    *n += strlen(key) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c,
                               const char *url, const char *method,
                               const char *version, const char *upload_data,
                               size_t *upload_data_size, void **con_cls)
{
    server *sv = cls;
    conn_ctx *x = *con_cls;
    tc_api_reply rep;
    slot *s;
    (void)url;
    (void)version;
    (void)upload_data;
    if (!x)
        return MHD_NO; /* out of memory in uri_logger */
    if (!x->started) {
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                     "Content-Length");
        const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                     "Transfer-Encoding");
        size_t hdr = 0;
        x->started = true;
        MHD_get_connection_values(c, MHD_HEADER_KIND, header_bytes, &hdr);
        if (hdr > TC_SERVE_MAX_HEADERS)
            return send_error(c, 413, "request_too_large",
                              "the request headers are larger than 8 KiB");
        if ((cl && strcmp(cl, "0") != 0) || te)
            /* No endpoint takes a body: refused before it is read. */
            return send_error(c, 413, "request_too_large",
                              "this server takes no request body");
        return MHD_YES;
    }
    if (*upload_data_size) { /* not announced, still not wanted */
        *upload_data_size = 0;
        x->body = true;
        return MHD_YES;
    }
    if (x->body)
        return send_error(c, 413, "request_too_large",
                          "this server takes no request body");
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_error(c, 405, "method_not_allowed",
                          "only GET and HEAD are served");
    if (!x->ok) {
        tc_api_error_reply(&x->err, &rep);
        return send_reply(c, &rep);
    }
    if (x->req.ep == TC_EP_STATIC)
        return send_file(sv, c, x->req.file);
    s = acquire(sv);
    tc_api_answer(s->store, &x->req, sv->db_name, &rep);
    release(sv, s);
    return send_reply(c, &rep);
}

/* ---- The command ---- */

static const char serve_help[] =
    "usage: tacitus serve --db FILE [--bind ADDR] [--port N] [OPTIONS]\n"
    "\n"
    "Serves a store read-only over HTTP: a JSON API (docs/API.md) and the\n"
    "dashboard at /.  An ingest may write the same file meanwhile (WAL).\n"
    "Ctrl-C (SIGINT) or SIGTERM stops it.\n"
    "\n"
    "Options:\n"
    "  --db FILE          the database (default tacitus.db)\n"
    "  --bind ADDR        the address to listen on (default 127.0.0.1;\n"
    "                     anything but loopback lets others read the store)\n"
    "  --port N           the port (default 8080; 0 picks a free one)\n"
    "  --threads N        worker threads and database connections (default 4)\n"
    "  --timeout-ms N     longest a query may run (default 5000)\n"
    "  --web DIR          the built dashboard (default " TC_WEB_DIR ")\n";

static bool parse_num(const char *s, long min, long max, long *out)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static int run_server(server *sv, const char *bind, long port, long threads)
{
    struct sockaddr_in sa4;
    struct sockaddr_in6 sa6;
    struct sockaddr *sa;
    struct MHD_Daemon *d;
    const union MHD_DaemonInfo *info;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
                     MHD_USE_ERROR_LOG;
    sigset_t set;
    int sig = 0;
    bool loopback;
    memset(&sa4, 0, sizeof sa4);
    memset(&sa6, 0, sizeof sa6);
    if (inet_pton(AF_INET, bind, &sa4.sin_addr) == 1) {
        sa4.sin_family = AF_INET;
        sa4.sin_port = htons((uint16_t)port);
        sa = (struct sockaddr *)&sa4;
        loopback = (ntohl(sa4.sin_addr.s_addr) >> 24) == 127;
    } else if (inet_pton(AF_INET6, bind, &sa6.sin6_addr) == 1) {
        sa6.sin6_family = AF_INET6;
        sa6.sin6_port = htons((uint16_t)port);
        sa = (struct sockaddr *)&sa6;
        flags |= MHD_USE_IPv6;
        loopback = IN6_IS_ADDR_LOOPBACK(&sa6.sin6_addr);
    } else {
        fprintf(stderr, "tacitus: --bind wants a numeric IPv4 or IPv6 "
                        "address, not \"%s\"\n", bind);
        return EXIT_FATAL;
    }
    /* The signals are taken by sigwait below, in this thread only: the
     * workers, started after, inherit the mask. */
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    d = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, handler, sv,
        MHD_OPTION_SOCK_ADDR, sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
        MHD_OPTION_URI_LOG_CALLBACK, uri_logger, sv,
        MHD_OPTION_NOTIFY_COMPLETED, completed, sv,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "tacitus: cannot listen on %s port %ld: %s\n", bind,
                port, strerror(errno));
        return EXIT_FATAL;
    }
    info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    if (info && info->port)
        port = info->port;
    if (!loopback)
        fprintf(stderr, "tacitus: warning: listening on %s, not loopback: "
                        "whoever reaches this address reads the store\n",
                bind);
    printf("tacitus serve: %s on http://%s%s%s:%ld/ (%ld threads); "
           "Ctrl-C stops\n", sv->db_path, sa == (struct sockaddr *)&sa6 ? "[" : "",
           bind, sa == (struct sockaddr *)&sa6 ? "]" : "", port, threads);
    fflush(stdout);
    sigwait(&set, &sig);
    fprintf(stderr, "tacitus serve: %s, stopping\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    MHD_stop_daemon(d);
    return EXIT_OK;
}

int tc_serve_main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"bind", required_argument, NULL, 'b'},
        {"port", required_argument, NULL, 'p'},
        {"threads", required_argument, NULL, 't'},
        {"timeout-ms", required_argument, NULL, 'T'},
        {"web", required_argument, NULL, 'w'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    server sv;
    const char *bind = "127.0.0.1", *web = TC_WEB_DIR;
    long port = 8080, threads = 4;
    int c, i, rc;
    tc_error err;
    memset(&sv, 0, sizeof sv);
    sv.db_path = "tacitus.db";
    sv.timeout_ms = 5000;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': sv.db_path = optarg; break;
        case 'b': bind = optarg; break;
        case 'w': web = optarg; break;
        case 'p':
            if (!parse_num(optarg, 0, 65535, &port))
                goto usage;
            break;
        case 't':
            if (!parse_num(optarg, 1, 64, &threads))
                goto usage;
            break;
        case 'T':
            if (!parse_num(optarg, 1, 600000, &sv.timeout_ms))
                goto usage;
            break;
        case 'h': fputs(serve_help, stdout); return EXIT_OK;
        default: goto usage;
        }
    }
    if (optind != argc)
        goto usage;
    if (!realpath(web, sv.web_root)) {
        fprintf(stderr, "tacitus: %s: the dashboard is not built (make "
                        "all builds it; --web DIR gives another)\n", web);
        return EXIT_FATAL;
    }
    sv.web_len = strlen(sv.web_root);
    sv.db_name = strrchr(sv.db_path, '/') ? strrchr(sv.db_path, '/') + 1
                                          : sv.db_path;
    sv.nslots = (int)threads;
    if (!(sv.slots = calloc((size_t)threads, sizeof *sv.slots)))
        return EXIT_FATAL;
    for (i = 0; i < sv.nslots; i++) {
        sv.slots[i].store = tc_store_open_readonly(sv.db_path, &err);
        if (!sv.slots[i].store) {
            fprintf(stderr, "tacitus: %s: error: %s\n", sv.db_path,
                    err.message);
            rc = EXIT_FATAL;
            goto out;
        }
        sqlite3_progress_handler(tc_store_db(sv.slots[i].store), 10000,
                                 progress, &sv.slots[i]);
    }
    pthread_mutex_init(&sv.lock, NULL);
    pthread_cond_init(&sv.freed, NULL);
    rc = run_server(&sv, bind, port, threads);
    pthread_mutex_destroy(&sv.lock);
    pthread_cond_destroy(&sv.freed);
out:
    for (i = 0; i < sv.nslots; i++)
        tc_store_close(sv.slots[i].store);
    free(sv.slots);
    return rc;
usage:
    fputs(serve_help, stderr);
    return EXIT_FATAL;
}
