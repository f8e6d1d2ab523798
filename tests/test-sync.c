/* test-sync.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync end to end, on loopback only: the reference server on its own thread and main
 * context (and as `idesk serve`, killed mid-push), two clients, fake servers that misbehave, a
 * TLS server with a certificate made for the test, and the server's rules seen from the wire. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sys/prctl.h>

#include "desk-records.h"
#include "desk-store-sync.h"
#include "desk-sync-client.h"
#include "desk-sync-server.h"
#include "desk-sync-sqlite-storage.h"
#include "desk-sync-wire.h"
#include "desk-test-utils.h"

#define WRITE_TOKEN "test-write-token-0123456789"
#define READ_TOKEN  "test-read-token-0123456789"

/* Servers on their own threads {{{ */

/* A proxy in front of the reference server that misbehaves as its mode says. */
typedef enum
{
  PROXY_FORWARD,       /* passes everything on */
  PROXY_GARBAGE,       /* 200 with a body that is not JSON, forwarding nothing */
  PROXY_FAIL,          /* 500, @failures times, then passes on */
  PROXY_STALL,         /* never answers */
  PROXY_GARBAGE_PUSH,  /* passes a push on, then answers garbage */
  PROXY_DROP_PUSH,     /* passes the first push on, then closes the connection unanswered */
} ProxyMode;

typedef struct
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GMutex           mutex;
  GCond            cond;
  gboolean         ready;
  char            *url;

  /* the reference server */
  char            *path;
  GTlsCertificate *certificate;
  DeskSyncStorage *storage;
  DeskSyncServer  *server;
  GPtrArray       *log;

  guint            idle_seconds;

  /* a proxy */
  ProxyMode        mode;
  const char      *upstream;
  guint            failures;
  SoupServer      *proxy;
  SoupSession     *session;
  GPtrArray       *stalled;
} TestServer;

static void
collect_log (const char *line,
             gpointer    user_data)
{
  TestServer *server = user_data;

  g_mutex_lock (&server->mutex);
  g_ptr_array_add (server->log, g_strdup (line));
  g_mutex_unlock (&server->mutex);
}

static DeskSyncTokens *
make_tokens (void)
{
  g_autoptr(GError) error = NULL;
  DeskSyncTokens *tokens = desk_sync_tokens_parse (WRITE_TOKEN " write\n" READ_TOKEN " read\n",
                                                   "tokens", &error);

  g_assert_no_error (error);
  return tokens;
}

static void
reply_garbage (SoupServerMessage *msg)
{
  static const char garbage[] = "<html>Bad gateway, or so</html>";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, garbage,
                                    strlen (garbage));
}

/* Passes @msg on to the reference server, blocking this thread. */
static void
forward (TestServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query)
{
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *url = g_strconcat (server->upstream, path + 1,
                                      g_uri_get_query (uri) ? "?" : "",
                                      g_uri_get_query (uri) ? g_uri_get_query (uri) : "", NULL);
  g_autoptr(SoupMessage) upstream = soup_message_new (soup_server_message_get_method (msg), url);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  soup_message_headers_replace (soup_message_get_request_headers (upstream), "Authorization",
                                soup_message_headers_get_one (headers, "Authorization"));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (upstream,
                                              soup_message_headers_get_content_type (headers,
                                                                                     NULL),
                                              body);
  response = soup_session_send_and_read (server->session, upstream, NULL, &error);
  g_assert_no_error (error);

  data = g_bytes_get_data (response, &size);
  soup_server_message_set_status (msg, soup_message_get_status (upstream), NULL);
  soup_server_message_set_response (msg,
                                    soup_message_headers_get_content_type (
                                      soup_message_get_response_headers (upstream), NULL),
                                    SOUP_MEMORY_COPY, data, size);
}

static void
on_proxy_request_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  TestServer *server = user_data;
  gboolean push = g_str_equal (soup_server_message_get_method (msg), "POST");

  switch (server->mode)
    {
    case PROXY_STALL:
      soup_server_message_pause (msg);
      g_ptr_array_add (server->stalled, g_object_ref (msg));
      return;

    case PROXY_GARBAGE:
      reply_garbage (msg);
      return;

    case PROXY_FAIL:
      if (server->failures > 0)
        {
          server->failures--;
          soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
          return;
        }
      break;

    case PROXY_GARBAGE_PUSH:
      forward (server, msg, path, query);
      if (push)
        reply_garbage (msg);
      return;

    case PROXY_DROP_PUSH:
      forward (server, msg, path, query);
      if (push && server->failures > 0)
        {
          g_autoptr(GIOStream) stream = NULL;

          server->failures--;
          stream = soup_server_message_steal_connection (msg);
          g_io_stream_close (stream, NULL, NULL);
        }
      return;

    case PROXY_FORWARD:
    default:
      break;
    }

  forward (server, msg, path, query);
}

static gpointer
server_thread (gpointer data)
{
  TestServer *server = data;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (server->context);

  if (server->upstream == NULL)
    {
      server->storage = desk_sync_sqlite_storage_open (server->path, &error);
      g_assert_no_error (error);
      server->server = desk_sync_server_new (server->storage, make_tokens ());
      desk_sync_server_set_log_func (server->server, collect_log, server);
      if (server->idle_seconds > 0)
        desk_sync_server_set_timeouts (server->server, server->idle_seconds,
                                       2 * server->idle_seconds);
      g_assert_true (desk_sync_server_listen (server->server, "127.0.0.1:0",
                                              server->certificate, &error));
      g_assert_no_error (error);
      server->url = desk_sync_server_get_url (server->server);
    }
  else
    {
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
      GSList *uris;

      server->session = soup_session_new ();
      server->proxy = soup_server_new (NULL, NULL);
      soup_server_add_handler (server->proxy, NULL, on_proxy_request_cb, server, NULL);
      g_assert_true (soup_server_listen (server->proxy, address, 0, &error));
      g_assert_no_error (error);
      uris = soup_server_get_uris (server->proxy);
      server->url = g_uri_to_string (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }

  g_mutex_lock (&server->mutex);
  server->ready = TRUE;
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->mutex);

  g_main_loop_run (server->loop);

  g_clear_pointer (&server->stalled, g_ptr_array_unref);
  if (server->proxy != NULL)
    soup_server_disconnect (server->proxy);
  g_clear_object (&server->proxy);
  g_clear_object (&server->session);
  g_clear_object (&server->server);
  g_clear_object (&server->storage);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

/* Starts the reference server, or with @upstream a proxy in front of it. */
static void
server_start (TestServer *server,
              const char *upstream,
              ProxyMode   mode)
{
  g_mutex_init (&server->mutex);
  g_cond_init (&server->cond);
  server->upstream = upstream;
  server->mode = mode;
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->log = g_ptr_array_new_with_free_func (g_free);
  server->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  server->ready = FALSE;
  server->thread = g_thread_new ("test-server", server_thread, server);

  g_mutex_lock (&server->mutex);
  while (!server->ready)
    g_cond_wait (&server->cond, &server->mutex);
  g_mutex_unlock (&server->mutex);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (TestServer *server)
{
  if (server->thread == NULL)
    return;

  g_main_context_invoke (server->context, quit_loop, server->loop);
  g_thread_join (g_steal_pointer (&server->thread));
  g_clear_pointer (&server->loop, g_main_loop_unref);
  g_clear_pointer (&server->context, g_main_context_unref);
  g_clear_pointer (&server->url, g_free);
  g_clear_pointer (&server->log, g_ptr_array_unref);
  g_mutex_clear (&server->mutex);
  g_cond_clear (&server->cond);
}

/* }}} */
/* Fixture {{{ */

typedef struct
{
  char       *dir;
  char       *db_a;
  char       *db_b;
  DeskStore  *a;
  DeskStore  *b;
  TestServer  server;
  TestServer  proxy;
  guint       sleeps;
  guint64     slept;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = desk_test_make_tmp_dir ();
  fixture->db_a = g_build_filename (fixture->dir, "a.db", NULL);
  fixture->db_b = g_build_filename (fixture->dir, "b.db", NULL);
  fixture->a = desk_test_open_store (fixture->db_a);
  fixture->b = desk_test_open_store (fixture->db_b);
  desk_store_set_actor (fixture->b, "Other Runner");
  fixture->server.path = g_build_filename (fixture->dir, "server.db", NULL);
  server_start (&fixture->server, NULL, PROXY_FORWARD);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  server_stop (&fixture->proxy);
  server_stop (&fixture->server);
  g_clear_object (&fixture->server.certificate);
  g_free (fixture->server.path);
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  desk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_a);
  g_free (fixture->db_b);
}

/* A sleep that does not wait, and counts. */
static void
no_sleep (guint64       microseconds,
          GCancellable *cancellable,
          gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->sleeps++;
  fixture->slept += microseconds;
}

static double
fixed_random (gpointer user_data)
{
  return 0.5;
}

static DeskSyncClient *
make_client_for (Fixture    *fixture,
                 DeskStore  *store,
                 const char *token,
                 const char *url)
{
  DeskSyncClient *client = desk_sync_client_new (store);

  desk_sync_client_set_endpoint (client, url);
  desk_sync_client_set_token (client, token);
  desk_sync_client_set_timeout (client, 5);
  desk_sync_client_set_retries (client, 2, no_sleep, fixed_random, fixture);
  return client;
}

/* A client of the server, or of the proxy in front of it when there is one. */
static DeskSyncClient *
make_client (Fixture    *fixture,
             DeskStore  *store,
             const char *token)
{
  return make_client_for (fixture, store, token,
                          fixture->proxy.url ? fixture->proxy.url : fixture->server.url);
}

static void
sync_ok (Fixture    *fixture,
         DeskStore  *store,
         const char *token)
{
  g_autoptr(DeskSyncClient) client = make_client (fixture, store, token);
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_sync_client_sync (client, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_sync_client_get_state (client), !=, DESK_SYNC_STATE_ERROR);
}

static void
sync_fails (Fixture       *fixture,
            DeskStore     *store,
            const char    *token,
            int            code)
{
  g_autoptr(DeskSyncClient) client = make_client (fixture, store, token);
  g_autoptr(GError) error = NULL;

  g_assert_false (desk_sync_client_sync (client, NULL, &error));
  g_assert_error (error, DESK_SYNC_ERROR, code);
  g_assert_nonnull (desk_sync_client_get_message (client));
  g_test_message ("%s", error->message);
}

/* }}} */
/* Running idesk {{{ */

static char *
run_idesk (int         *status,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("IDESK"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "IDESK_TOKEN", WRITE_TOKEN, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  if (*status != 0)
    g_test_message ("idesk: %s", err);
  return out;
}

static char *
stats_json (const char *db,
            const char *incident)
{
  int status;
  char *out = run_idesk (&status, "--database", db, "stats", "--incident", incident, "--json",
                         NULL);

  g_assert_cmpint (status, ==, 0);
  return out;
}

/* }}} */
/* Data {{{ */

/* An incident of @n_accounts accounts over 7 contracts and two categories, every fifth account
 * confirmed, a checklist with two items done, and a timeline event; imported through idesk. */
static char *
make_incident (Fixture    *fixture,
               const char *db,
               guint       n_accounts)
{
  g_autoptr(GString) csv = g_string_new ("account,customer_id,customer_name,category,status\n");
  g_autofree char *csv_path = g_build_filename (fixture->dir, "accounts.csv", NULL);
  g_autoptr(DeskStore) store = desk_test_open_store (db);
  g_autoptr(DeskIncident) incident = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *id;
  int status;

  id = run_idesk (&status, "--database", db, "incident", "add", "--title", "Hosted mail breach",
                  NULL);
  g_assert_cmpint (status, ==, 0);
  g_strchomp (id);

  for (guint i = 0; i < n_accounts; i++)
    g_string_append_printf (csv, "user%06u@c%u.example.jp,C-%u,Customer %u,%s,%s\n", i, i % 7,
                            i % 7, i % 7, i % 2 ? "Webmail" : "Webmail;IMAP",
                            i % 5 ? "potential" : "confirmed");
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, &error));
  g_free (run_idesk (&status, "--database", db, "import", "accounts", "--incident", id, csv_path,
                     NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (run_idesk (&status, "--database", db, "checklist", "add", "--incident", id,
                     "--template", "mfa-rollout", NULL));
  g_assert_cmpint (status, ==, 0);

  incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, id, &error);
  g_assert_no_error (error);
  checklists = desk_store_list (store, DESK_TYPE_CHECKLIST, "incident-id",
                                desk_record_get_id (DESK_RECORD (incident)), &error);
  items = desk_store_list (store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                           desk_record_get_id (g_ptr_array_index (checklists, 0)), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      desk_record_set_enum (g_ptr_array_index (items, i), "status", DESK_ITEM_STATUS_DONE);
      desk_store_save (store, g_ptr_array_index (items, i), &error);
      g_assert_no_error (error);
    }
  g_object_unref (desk_test_save (store, desk_event_new (incident, 1776000000,
                                                        "Webmail patched")));

  return id;
}

static gint64
count_rows (DeskStore  *store,
            const char *sql)
{
  DeskDatabase *database = desk_store_get_database (store);
  g_autoptr(DeskStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;
  gint64 value;

  desk_database_lock (database);
  stmt = desk_database_prepare (database, sql, &error);
  g_assert_no_error (error);
  g_assert_true (desk_database_step (database, stmt, &has_row, &error));
  g_assert_true (has_row);
  value = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, desk_statement_release);
  desk_database_unlock (database);
  return value;
}

static DeskRecord *
lookup (DeskStore  *store,
        GType       type,
        const char *uuid)
{
  g_autoptr(GError) error = NULL;
  DeskRecord *record = desk_store_lookup (store, type, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static void
edit_field (DeskStore  *store,
            const char *incident,
            const char *field,
            const char *value)
{
  g_autoptr(DeskRecord) record = lookup (store, DESK_TYPE_INCIDENT, incident);

  desk_record_set_string (record, field, value);
  g_object_unref (desk_test_save (store, g_steal_pointer (&record)));
}

/* }}} */
/* Two clients {{{ */

/* A imports and ticks; B, starting empty, ends with the same figures, records and history. */
static void
test_two_clients (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *incident = make_incident (fixture, fixture->db_a, 3000);
  g_autofree char *stats_a = NULL;
  g_autofree char *stats_b = NULL;
  g_autofree char *out = NULL;
  int status;

  /* A syncs through idesk */
  out = run_idesk (&status, "--database", fixture->db_a, "sync", "--endpoint",
                   fixture->server.url, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "3,000 accounts"));

  g_clear_object (&fixture->a);
  fixture->a = desk_test_open_store (fixture->db_a);
  sync_ok (fixture, fixture->b, READ_TOKEN);

  stats_a = stats_json (fixture->db_a, incident);
  stats_b = stats_json (fixture->db_b, incident);
  g_assert_cmpstr (stats_a, ==, stats_b);
  g_assert_nonnull (strstr (stats_b, "\"potentially_affected_accounts\" : 3000"));
  g_assert_nonnull (strstr (stats_b, "\"confirmed_accounts\" : 600"));

  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM checklist_items"
                                           " WHERE status = 'done'"), ==, 2);
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM events"), ==,
                   count_rows (fixture->a, "SELECT count (*) FROM events"));
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM events"
                                           " WHERE text = 'Webmail patched'"), ==, 1);
  /* the history, line for line, received lines on B */
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM audit_log"), ==,
                   count_rows (fixture->a, "SELECT count (*) FROM audit_log"));
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM audit_log WHERE remote"), ==,
                   count_rows (fixture->a, "SELECT count (*) FROM audit_log"));
  /* the account list works on B: its directory was rebuilt */
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM account_directory"), >, 0);

  /* a second sync has nothing to do */
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  g_assert_cmpint (count_rows (fixture->a, "SELECT count (*) FROM audit_log WHERE remote"), ==,
                   0);

  /* the tokens are in no file of either database */
  for (guint i = 0; i < 2; i++)
    for (guint s = 0; s < 2; s++)
      {
        g_autofree char *path = g_strconcat (i ? fixture->db_b : fixture->db_a,
                                             s ? "-wal" : "", NULL);
        g_autofree char *contents = NULL;
        gsize length = 0;

        if (!g_file_get_contents (path, &contents, &length, NULL))
          continue;
        g_assert_null (g_strstr_len (contents, length, WRITE_TOKEN));
        g_assert_null (g_strstr_len (contents, length, READ_TOKEN));
      }
}

/* Different fields merge; the same field is a conflict, kept, shown and settled. */
static void
test_merge_and_conflict (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskIncident) created = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  const char *uuid = desk_record_get_uuid (DESK_RECORD (created));
  g_autoptr(DeskRecord) on_a = NULL;
  g_autoptr(DeskRecord) on_b = NULL;
  g_autoptr(DeskSyncClient) client = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *local = NULL;
  g_autofree char *remote = NULL;
  DeskConflict *conflict;

  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);

  /* offline, different fields */
  edit_field (fixture->a, uuid, "title", "Hosted mail breach");
  edit_field (fixture->b, uuid, "cause", "JVN#12345678");
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  on_a = lookup (fixture->a, DESK_TYPE_INCIDENT, uuid);
  on_b = lookup (fixture->b, DESK_TYPE_INCIDENT, uuid);
  g_assert_cmpstr (desk_record_get_string (on_a, "title"), ==, "Hosted mail breach");
  g_assert_cmpstr (desk_record_get_string (on_a, "cause"), ==, "JVN#12345678");
  g_assert_cmpstr (desk_record_get_string (on_b, "title"), ==, "Hosted mail breach");
  g_assert_cmpstr (desk_record_get_string (on_b, "cause"), ==, "JVN#12345678");

  /* offline, the same field */
  edit_field (fixture->a, uuid, "summary", "Stack overflow in the webmail");
  edit_field (fixture->b, uuid, "summary", "Buffer overflow, webmail component");
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  client = make_client (fixture, fixture->b, WRITE_TOKEN);
  g_assert_true (desk_sync_client_sync (client, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_sync_client_get_state (client), ==, DESK_SYNC_STATE_CONFLICTS);
  g_assert_cmpint (desk_sync_client_get_n_conflicts (client), ==, 1);
  g_assert_cmpint (desk_sync_client_get_report (client)->conflicts, ==, 1);

  /* nothing dropped: B keeps its value, the conflict both, the audit log both */
  g_clear_object (&on_b);
  on_b = lookup (fixture->b, DESK_TYPE_INCIDENT, uuid);
  g_assert_cmpstr (desk_record_get_string (on_b, "summary"), ==,
                   "Buffer overflow, webmail component");
  conflicts = desk_store_sync_list_conflicts (fixture->b, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  local = desk_conflict_dup_local_text (conflict);
  remote = desk_conflict_dup_remote_text (conflict);
  g_assert_cmpstr (desk_conflict_get_field (conflict), ==, "summary");
  g_assert_cmpstr (local, ==, "Buffer overflow, webmail component");
  g_assert_cmpstr (remote, ==, "Stack overflow in the webmail");
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM audit_log WHERE after LIKE"
                                           " '%Stack overflow in the webmail%'"), ==, 1);
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM audit_log WHERE after LIKE"
                                           " '%Buffer overflow, webmail component%'"), ==, 1);

  /* B keeps its own value: it reaches A */
  g_assert_true (desk_store_sync_resolve_conflict (fixture->b, desk_conflict_get_id (conflict),
                                                   TRUE, &error));
  g_assert_no_error (error);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  g_clear_object (&on_a);
  on_a = lookup (fixture->a, DESK_TYPE_INCIDENT, uuid);
  g_assert_cmpstr (desk_record_get_string (on_a, "summary"), ==,
                   "Buffer overflow, webmail component");
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM sync_conflicts"), ==, 0);

  /* once more, and B takes the server's value this time */
  edit_field (fixture->a, uuid, "service", "Mail A");
  edit_field (fixture->b, uuid, "service", "Mail B");
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = desk_store_sync_list_conflicts (fixture->b, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_true (desk_store_sync_resolve_conflict (fixture->b, desk_conflict_get_id (conflict),
                                                   FALSE, &error));
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  g_clear_object (&on_a);
  g_clear_object (&on_b);
  on_a = lookup (fixture->a, DESK_TYPE_INCIDENT, uuid);
  on_b = lookup (fixture->b, DESK_TYPE_INCIDENT, uuid);
  g_assert_cmpstr (desk_record_get_string (on_a, "service"), ==, "Mail A");
  g_assert_cmpstr (desk_record_get_string (on_b, "service"), ==, "Mail A");
}

/* A deletion travels as a tombstone; restoring brings the record back with its fields. */
static void
test_tombstones (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskChecklist) checklist = desk_test_save (fixture->a,
                                                       desk_checklist_new (incident, "MFA"));
  g_autoptr(GError) error = NULL;

  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_CHECKLIST, NULL, 0), ==, 1);

  g_assert_true (desk_store_delete (fixture->a, DESK_RECORD (checklist), &error));
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_CHECKLIST, NULL, 0), ==, 0);
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM checklists WHERE deleted"), ==,
                   1);

  g_assert_true (desk_store_restore (fixture->a, DESK_RECORD (checklist), &error));
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_CHECKLIST, NULL, 0), ==, 1);
}

/* The window's way: sync_async, with the state and progress changing on this thread. */
static void
on_state_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  GArray *states = user_data;
  DeskSyncState state = desk_sync_client_get_state (DESK_SYNC_CLIENT (object));

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_array_append_val (states, state);
}

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_sync_client_sync_finish (DESK_SYNC_CLIENT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskSyncClient) client = make_client (fixture, fixture->a, WRITE_TOKEN);
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (DeskSyncState));
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_assert_true (desk_sync_client_refresh (client, &error));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpint (desk_sync_client_get_n_pending (client), ==, 1);

  g_signal_connect (client, "notify::state", G_CALLBACK (on_state_notify_cb), states);
  desk_sync_client_sync_async (client, NULL, on_synced_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_cmpuint (states->len, >=, 2);
  g_assert_cmpint (g_array_index (states, DeskSyncState, 0), ==, DESK_SYNC_STATE_SYNCING);
  g_assert_cmpint (desk_sync_client_get_state (client), ==, DESK_SYNC_STATE_UP_TO_DATE);
  g_assert_cmpfloat (desk_sync_client_get_progress (client), ==, 1.0);
  g_assert_cmpint (desk_sync_client_get_n_pending (client), ==, 0);
  g_assert_cmpint (desk_sync_client_get_last_sync (client), >, 0);
  g_assert_null (desk_sync_client_get_message (client));
}

/* }}} */
/* Failures {{{ */

/* Puts a proxy that behaves as @mode between the clients and the server. */
static void
use_proxy (Fixture   *fixture,
           ProxyMode  mode,
           guint      failures)
{
  server_stop (&fixture->proxy);
  fixture->proxy.failures = failures;
  server_start (&fixture->proxy, fixture->server.url, mode);
}

static void
on_cancelled_sync_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (desk_sync_client_sync_finish (DESK_SYNC_CLIENT (object), result, error));
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* A sync waiting on a server that does not answer stops at once when cancelled, and says
 * nothing went wrong. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskSyncClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  use_proxy (fixture, PROXY_STALL, 0);
  client = make_client (fixture, fixture->a, WRITE_TOKEN);
  desk_sync_client_set_timeout (client, 60);
  desk_sync_client_sync_async (client, cancellable, on_cancelled_sync_cb, &error);
  g_timeout_add (200, cancel_cb, cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (desk_sync_client_get_state (client), ==, DESK_SYNC_STATE_IDLE);
  g_assert_cmpint (desk_sync_client_get_n_pending (client), ==, 1);
}

static gint64
server_revision (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 revision = -1;

  g_assert_true (desk_sync_storage_begin (fixture->server.storage, &error));
  g_assert_true (desk_sync_storage_get_revision (fixture->server.storage, &revision, &error));
  desk_sync_storage_rollback (fixture->server.storage);
  g_assert_no_error (error);
  return revision;
}

/* How many changes the server's log holds, and how many accounts in its pages. */
static void
count_server_entries (Fixture *fixture,
                      gint64  *changes,
                      gint64  *accounts)
{
  g_autoptr(GError) error = NULL;
  gint64 since = 0;

  *changes = *accounts = 0;
  g_assert_true (desk_sync_storage_begin (fixture->server.storage, &error));
  for (;;)
    {
      g_autoptr(GPtrArray) entries = desk_sync_storage_read_log (fixture->server.storage, since,
                                                                 1000, &error);

      g_assert_no_error (error);
      if (entries->len == 0)
        break;
      for (guint i = 0; i < entries->len; i++)
        {
          DeskSyncLogEntry *entry = g_ptr_array_index (entries, i);
          g_autoptr(JsonNode) node = json_from_string (entry->entry, NULL);
          JsonObject *object = json_node_get_object (node);

          if (g_str_equal (json_object_get_string_member (object, "type"), "change"))
            (*changes)++;
          else
            *accounts += json_object_get_int_member (object, "rows");
          since = entry->revision;
        }
    }
  desk_sync_storage_rollback (fixture->server.storage);
}

static char *
digest (DeskStore *store)
{
  return desk_test_digest_database (desk_store_get_database (store));
}

/* A server that answers garbage, fails, or never answers: a clear error, the database as it
 * was, and the next sync with a good server works. */
static void
test_bad_servers (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    ProxyMode     mode;
    int           code;
    guint         attempts;
  } cases[] = {
    { PROXY_GARBAGE, DESK_SYNC_ERROR_PROTOCOL, 1 },
    { PROXY_FAIL, DESK_SYNC_ERROR_SERVER, 3 },
    { PROXY_STALL, DESK_SYNC_ERROR_TIMEOUT, 3 },
  };
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autofree char *before = digest (fixture->a);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskSyncClient) client = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      use_proxy (fixture, cases[i].mode, 100);
      client = make_client (fixture, fixture->a, WRITE_TOKEN);
      desk_sync_client_set_timeout (client, 1);
      fixture->sleeps = 0;
      g_assert_false (desk_sync_client_sync (client, NULL, &error));
      g_assert_error (error, DESK_SYNC_ERROR, cases[i].code);
      g_assert_cmpuint (fixture->sleeps, ==, cases[i].attempts - 1);
      g_assert_cmpint (desk_sync_client_get_state (client), ==, DESK_SYNC_STATE_ERROR);
      g_test_message ("%s", error->message);

      after = digest (fixture->a);
      g_assert_cmpstr (after, ==, before);
    }

  server_stop (&fixture->proxy);
  g_assert_cmpint (server_revision (fixture), ==, 0);
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_INCIDENT, NULL, 0), ==, 1);
}

/* The server applied a push but its answer was garbage: the records stay as they were, and the
 * next sync sends the same batch, applied once. */
static void
test_garbage_after_push (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskChecklist) checklist = desk_test_save (fixture->a,
                                                       desk_checklist_new (incident, "MFA"));
  gint64 lines = count_rows (fixture->a, "SELECT count (*) FROM audit_log");
  gint64 changes, accounts;

  use_proxy (fixture, PROXY_GARBAGE_PUSH, 0);
  sync_fails (fixture, fixture->a, WRITE_TOKEN, DESK_SYNC_ERROR_PROTOCOL);
  g_assert_cmpint (count_rows (fixture->a, "SELECT count (*) FROM audit_log"), ==, lines);
  g_assert_cmpint (count_rows (fixture->a, "SELECT count (*) FROM sync_conflicts"), ==, 0);
  g_assert_cmpint (count_rows (fixture->a, "SELECT value FROM sync_state"
                                           " WHERE key = 'pushed_audit_id'"), ==, 0);

  server_stop (&fixture->proxy);
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  count_server_entries (fixture, &changes, &accounts);
  g_assert_cmpint (changes, ==, lines);
}

/* The connection drops after the server applied a push: the retry sends the same batch, which
 * the server answers as before without applying it again. */
static void
test_dropped_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  gint64 changes, accounts;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *text = g_strdup_printf ("Event %u", i);

      g_object_unref (desk_test_save (fixture->a, desk_event_new (incident, 1776000000 + i,
                                                                  text)));
    }

  use_proxy (fixture, PROXY_DROP_PUSH, 2);
  fixture->sleeps = 0;
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  g_assert_cmpuint (fixture->sleeps, ==, 2);

  count_server_entries (fixture, &changes, &accounts);
  g_assert_cmpint (changes, ==, 31);
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  g_assert_cmpint (desk_test_count (fixture->b, DESK_TYPE_EVENT, NULL, 0), ==, 30);
}

/* Retries wait exponentially longer, with jitter, and a sync that meets a passing failure goes
 * through. */
static void
test_backoff (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));

  g_assert_cmpuint (desk_sync_backoff_delay (0, 0.0), ==, G_USEC_PER_SEC / 2);
  g_assert_cmpuint (desk_sync_backoff_delay (0, 1.0), ==, G_USEC_PER_SEC);
  g_assert_cmpuint (desk_sync_backoff_delay (3, 0.5), ==, 6 * G_USEC_PER_SEC);
  g_assert_cmpuint (desk_sync_backoff_delay (5, 1.0), ==, 32 * G_USEC_PER_SEC);
  g_assert_cmpuint (desk_sync_backoff_delay (6, 1.0), ==, 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (desk_sync_backoff_delay (40, 1.0), ==, 60 * G_USEC_PER_SEC);

  use_proxy (fixture, PROXY_FAIL, 2);
  fixture->sleeps = 0;
  fixture->slept = 0;
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  g_assert_cmpuint (fixture->sleeps, ==, 2);
  g_assert_cmpuint (fixture->slept, ==, desk_sync_backoff_delay (0, 0.5) +
                                        desk_sync_backoff_delay (1, 0.5));
}

/* }}} */
/* Tokens and roles {{{ */

/* A raw request, as a client of another kind might send it. */
static GBytes *
raw_request (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *token,
             const char *content_type,
             const char *body,
             guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (fixture->server.url, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *response;

  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    bearer);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  return response;
}

/* The error code of a JSON error body. */
static char *
error_code (GBytes *body)
{
  g_autoptr(JsonObject) object = desk_sync_wire_parse_object (body, NULL);

  g_assert_nonnull (object);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (object,
                                                                                 "error"),
                                                  "code"));
}

static void
assert_refused (Fixture    *fixture,
                const char *method,
                const char *path,
                const char *token,
                const char *content_type,
                const char *body,
                guint       expected,
                const char *code)
{
  gint64 revision = server_revision (fixture);
  guint status;
  g_autoptr(GBytes) response = raw_request (fixture, method, path, token, content_type, body,
                                            &status);
  g_autofree char *got = error_code (response);

  g_assert_cmpuint (status, ==, expected);
  g_assert_cmpstr (got, ==, code);
  g_assert_cmpint (server_revision (fixture), ==, revision);
}

static void
test_tokens (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autofree char *before = digest (fixture->a);
  g_autofree char *after = NULL;
  const char *batch = "{\"batch\":\"0f0e5d4c-4b7a-4d65-9c3a-1c1f6f2a10aa\",\"changes\":[]}";

  sync_fails (fixture, fixture->a, "not-the-token-0123456789", DESK_SYNC_ERROR_UNAUTHORIZED);
  after = digest (fixture->a);
  g_assert_cmpstr (after, ==, before);

  assert_refused (fixture, "GET", "/v1/status", NULL, NULL, NULL, 401, "unauthorized");
  assert_refused (fixture, "POST", "/v1/changes", READ_TOKEN, "application/json", batch, 403,
                  "forbidden");
  assert_refused (fixture, "POST", "/v1/accounts", READ_TOKEN, DESK_SYNC_NDJSON, "{}\n", 403,
                  "forbidden");

  /* a read-only token pulls, and says what it could not send */
  sync_ok (fixture, fixture->b, WRITE_TOKEN);
  sync_fails (fixture, fixture->a, READ_TOKEN, DESK_SYNC_ERROR_FORBIDDEN);
  g_assert_cmpint (server_revision (fixture), ==, 0);
  g_assert_cmpint (count_rows (fixture->a, "SELECT count (*) FROM audit_log WHERE NOT remote"),
                   ==, 1);
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  g_assert_cmpint (server_revision (fixture), ==, 1);
}

static void
test_tokens_file (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "secret-token-0123456789 admin\n",
      "tokens, line 1: unknown role “admin” (read or write)" },
    { "# team\n\nsecret-token-0123456789\n", "tokens, line 3: expected a token and a role" },
    { "short write\n", "tokens, line 1: the token is shorter than 16 characters" },
    { "secret-token-0123456789 read\nsecret-token-0123456789 write\n",
      "tokens, line 2: this token is listed before" },
    { "# nobody\n", "tokens lists no tokens" },
  };
  g_autofree char *path = g_build_filename (fixture->dir, "tokens", NULL);
  g_autoptr(DeskSyncTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskSyncTokens) refused = desk_sync_tokens_parse (cases[i].text, "tokens",
                                                                  &error);

      g_assert_null (refused);
      g_assert_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      g_assert_null (strstr (error->message, "secret"));
      g_clear_error (&error);
    }

  tokens = desk_sync_tokens_parse ("  secret-token-0123456789\twrite  # Aiko\n"
                                   "other-token-0123456789 read\n", "tokens", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_sync_tokens_get_count (tokens), ==, 2);
  g_assert_cmpint (desk_sync_tokens_check (tokens, "secret-token-0123456789"), ==,
                   DESK_SYNC_ROLE_WRITE);
  g_assert_cmpint (desk_sync_tokens_check (tokens, "other-token-0123456789"), ==,
                   DESK_SYNC_ROLE_READ);
  g_assert_cmpint (desk_sync_tokens_check (tokens, "secret-token-012345678"), ==,
                   DESK_SYNC_ROLE_NONE);
  g_assert_cmpint (desk_sync_tokens_check (tokens, ""), ==, DESK_SYNC_ROLE_NONE);

  /* a file others may read is refused */
  g_assert_true (g_file_set_contents (path, "secret-token-0123456789 write\n", -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_null (desk_sync_tokens_load (path, &error));
  g_assert_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_clear_pointer (&tokens, desk_sync_tokens_free);
  tokens = desk_sync_tokens_load (path, &error);
  g_assert_no_error (error);
}

static void
test_endpoints (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *endpoint;
    int         code;   /* -1: accepted */
  } cases[] = {
    { "https://sync.example.jp/incident-desk", -1 },
    { "http://127.0.0.1:8080", -1 },
    { "http://127.8.9.10:8080/", -1 },
    { "http://[::1]:8080", -1 },
    { "http://localhost:8080", -1 },
    { "http://sync.example.jp", DESK_SYNC_ERROR_INSECURE },
    { "http://192.168.1.20:8080", DESK_SYNC_ERROR_INSECURE },
    { "ftp://sync.example.jp", DESK_SYNC_ERROR_CONFIG },
    { "https://user:pass@sync.example.jp", DESK_SYNC_ERROR_CONFIG },
    { "https://sync.example.jp/?token=x", DESK_SYNC_ERROR_CONFIG },
    { "sync.example.jp", DESK_SYNC_ERROR_CONFIG },
    { "", DESK_SYNC_ERROR_CONFIG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (cases[i].code < 0)
        {
          g_assert_true (desk_sync_check_endpoint (cases[i].endpoint, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (desk_sync_check_endpoint (cases[i].endpoint, &error));
          g_assert_error (error, DESK_SYNC_ERROR, cases[i].code);
        }
    }
}

/* }}} */
/* The server's rules {{{ */

#define BATCH "\"batch\":\"0f0e5d4c-4b7a-4d65-9c3a-1c1f6f2a10%02u\""
#define CHANGE "{\"id\":\"a1b2c3d4-0000-4000-8000-0000000000%02u\",\"at\":1776000000," \
               "\"actor\":\"Aiko\",\"incident\":null,\"kind\":\"%s\"," \
               "\"record\":\"9c000000-0000-4000-8000-000000000001\",\"action\":\"create\"," \
               "\"before\":null,\"after\":%s}"

static char *
batch_of (guint       batch,
          guint       change,
          const char *kind,
          const char *after)
{
  return g_strdup_printf ("{" BATCH ",\"changes\":[" CHANGE "]}", batch, change, kind, after);
}

static void
test_server_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *good = batch_of (1, 1, "incident",
                                    "{\"title\":\"Mail\",\"status\":\"detected\"}");
  g_autofree char *again = batch_of (2, 1, "incident", "{\"title\":\"Mail\"}");
  g_autofree char *unknown_field = batch_of (3, 3, "incident", "{\"titel\":\"Mail\"}");
  g_autofree char *wrong_type = batch_of (4, 4, "incident", "{\"title\":5}");
  g_autofree char *unknown_kind = batch_of (5, 5, "spaceship", "{\"title\":\"Mail\"}");
  g_autofree char *bad_choice = batch_of (6, 6, "incident", "{\"title\":\"M\",\"status\":\"x\"}");
  g_autofree char *no_title = batch_of (7, 7, "incident", "{\"service\":\"Mail\"}");
  g_autofree char *other_kind = batch_of (8, 8, "event", "{\"text\":\"Mail\"}");
  g_autoptr(GString) too_many = g_string_new ("{\"batch\":"
                                              "\"0f0e5d4c-4b7a-4d65-9c3a-1c1f6f2a1099\","
                                              "\"changes\":[");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  guint status;

  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", "{\"batch\":",
                  400, "bad-request");
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json",
                  "{\"batch\":\"0f0e5d4c-4b7a-4d65-9c3a-1c1f6f2a10aa\",\"changes\":[],\"x\":1}",
                  400, "bad-request");
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", unknown_field,
                  400, "bad-request");
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", wrong_type,
                  400, "bad-request");
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", unknown_kind,
                  400, "bad-request");
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", bad_choice,
                  400, "bad-request");
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", no_title,
                  400, "bad-request");
  for (guint i = 0; i <= DESK_SYNC_MAX_CHANGES; i++)
    g_string_append_printf (too_many, "%s{}", i ? "," : "");
  g_string_append (too_many, "]}");
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", too_many->str,
                  413, "too-large");
  assert_refused (fixture, "GET", "/v1/nothing", WRITE_TOKEN, NULL, NULL, 404, "not-found");
  assert_refused (fixture, "PUT", "/v1/changes", WRITE_TOKEN, "application/json", "{}", 405,
                  "method-not-allowed");
  assert_refused (fixture, "GET", "/v1/changes?since=x", WRITE_TOKEN, NULL, NULL, 400,
                  "bad-request");

  /* a batch applies once; so does a change, whatever batch carries it */
  first = raw_request (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", good,
                       &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (server_revision (fixture), ==, 1);
  second = raw_request (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", good,
                        &status);
  g_assert_true (g_bytes_equal (first, second));
  third = raw_request (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", again,
                       &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (third, NULL), "\"revision\":1"));
  g_assert_cmpint (server_revision (fixture), ==, 1);

  /* a record is of one kind */
  assert_refused (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", other_kind,
                  400, "bad-request");
}

static char *
account_page (DeskRecord *incident,
              const char *customer,
              const char *batch,
              guint       rows,
              const char *lines)
{
  return g_strdup_printf ("{\"batch\":\"%s\",\"incident\":\"%s\",\"customers\":[\"%s\"],"
                          "\"categories\":[],\"rows\":%u}\n%s", batch,
                          desk_record_get_uuid (incident), customer, rows, lines);
}

static void
test_account_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autoptr(DeskCustomer) customer = desk_customer_new ("C-1", NULL);
  g_autoptr(DeskAffected) affected = desk_affected_new (incident, customer);
  DeskRecord *record = DESK_RECORD (incident);
  const char *uuid;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *control = NULL;
  g_autofree char *miscounted = NULL;
  g_autofree char *bad_index = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) pulled = NULL;
  g_autoptr(JsonObject) object = NULL;
  guint status;

  g_assert_true (desk_store_add_affected_customer (fixture->a, customer, affected, &error));
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  uuid = desk_record_get_uuid (DESK_RECORD (customer));

  page = account_page (record, uuid, "77000000-0000-4000-8000-000000000001", 2,
                       "[\"u1@example.jp\",0,0,0,0]\n"
                       "[\"u\\u00e9@example.jp\", 0, 0, 1, 1776000000]\n");
  control = account_page (record, uuid, "77000000-0000-4000-8000-000000000002", 1,
                          "[\"u\\n@example.jp\",0,0,0,0]\n");
  miscounted = account_page (record, uuid, "77000000-0000-4000-8000-000000000003", 3,
                             "[\"u1@example.jp\",0,0,0,0]\n");
  bad_index = account_page (record, uuid, "77000000-0000-4000-8000-000000000004", 1,
                            "[\"u1@example.jp\",1,0,0,0]\n");
  unknown = account_page (record, "9c000000-0000-4000-8000-000000000009",
                          "77000000-0000-4000-8000-000000000005", 0, "");

  assert_refused (fixture, "POST", "/v1/accounts", WRITE_TOKEN, "application/json", page, 415,
                  "unsupported-media-type");
  assert_refused (fixture, "POST", "/v1/accounts", WRITE_TOKEN, DESK_SYNC_NDJSON, control, 400,
                  "bad-request");
  assert_refused (fixture, "POST", "/v1/accounts", WRITE_TOKEN, DESK_SYNC_NDJSON, miscounted, 400,
                  "bad-request");
  assert_refused (fixture, "POST", "/v1/accounts", WRITE_TOKEN, DESK_SYNC_NDJSON, bad_index, 400,
                  "bad-request");
  assert_refused (fixture, "POST", "/v1/accounts", WRITE_TOKEN, DESK_SYNC_NDJSON, unknown, 409,
                  "unknown-reference");
  assert_refused (fixture, "GET", "/v1/accounts/1", WRITE_TOKEN, NULL, NULL, 404, "not-found");

  answer = raw_request (fixture, "POST", "/v1/accounts", WRITE_TOKEN, DESK_SYNC_NDJSON, page,
                        &status);
  g_assert_cmpuint (status, ==, 200);
  object = desk_sync_wire_parse_object (answer, &error);
  g_assert_no_error (error);
  path = g_strdup_printf ("/v1/accounts/%lld",
                          (long long) json_object_get_int_member (object, "revision"));
  pulled = raw_request (fixture, "GET", path, READ_TOKEN, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (pulled, NULL), "\"revision\":"));
  g_assert_null (strstr (g_bytes_get_data (pulled, NULL), "\"batch\""));

  /* B gets the page whole, the accented account included */
  sync_ok (fixture, fixture->b, READ_TOKEN);
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM accounts"), ==, 2);
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM accounts"
                                           " WHERE identifier = 'u\xc3\xa9@example.jp'"), ==, 1);
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM account_findings"), ==, 1);
}

/* Reads what a raw connection gets back for @request, until the server closes it. */
static char *
raw_exchange (Fixture    *fixture,
              const char *url,
              const char *request,
              gint64     *elapsed)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  gint64 start = g_get_monotonic_time ();
  char buffer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri), NULL,
                                                &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request,
                             strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (answer, buffer, n);

  *elapsed = g_get_monotonic_time () - start;
  return g_string_free (g_steal_pointer (&answer), FALSE);
}

/* A body too large or of unknown length is refused before it is read; a request that stalls is
 * cut off. */
static void
test_server_limits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *large = NULL;
  g_autofree char *chunked = NULL;
  g_autofree char *slow = NULL;
  TestServer quick = { 0 };
  gint64 elapsed;

  large = raw_exchange (fixture, fixture->server.url,
                        "POST /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        "Authorization: Bearer " WRITE_TOKEN "\r\n"
                        "Content-Type: application/json\r\nContent-Length: 20000000\r\n"
                        "Expect: 100-continue\r\n\r\n", &elapsed);
  g_assert_true (g_str_has_prefix (large, "HTTP/1.1 413"));
  chunked = raw_exchange (fixture, fixture->server.url,
                          "POST /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Authorization: Bearer " WRITE_TOKEN "\r\n"
                          "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n",
                          &elapsed);
  g_assert_true (g_str_has_prefix (chunked, "HTTP/1.1 411"));

  /* a client that sends it all the same */
  {
    g_autofree char *body = g_malloc (DESK_SYNC_MAX_BODY + 2);
    g_autoptr(GBytes) answer = NULL;
    guint status;

    memset (body, ' ', DESK_SYNC_MAX_BODY + 1);
    body[DESK_SYNC_MAX_BODY + 1] = '\0';
    answer = raw_request (fixture, "POST", "/v1/changes", WRITE_TOKEN, "application/json", body,
                          &status);
    g_assert_cmpuint (status, ==, 413);
  }

  quick.path = g_build_filename (fixture->dir, "quick.db", NULL);
  quick.idle_seconds = 1;
  server_start (&quick, NULL, PROXY_FORWARD);
  slow = raw_exchange (fixture, quick.url,
                       "POST /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Length: 10\r\n\r\n{",
                       &elapsed);
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);
  g_assert_null (strstr (slow, "200 OK"));
  server_stop (&quick);
  g_free (quick.path);
}

/* Neither the tokens nor the accounts reach the server's log. */
static void
test_server_log (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *incident = make_incident (fixture, fixture->db_a, 50);

  g_clear_object (&fixture->a);
  fixture->a = desk_test_open_store (fixture->db_a);
  sync_ok (fixture, fixture->a, WRITE_TOKEN);
  sync_ok (fixture, fixture->b, READ_TOKEN);
  sync_fails (fixture, fixture->b, "not-the-token-0123456789", DESK_SYNC_ERROR_UNAUTHORIZED);

  g_mutex_lock (&fixture->server.mutex);
  g_assert_cmpuint (fixture->server.log->len, >, 5);
  for (guint i = 0; i < fixture->server.log->len; i++)
    {
      const char *line = g_ptr_array_index (fixture->server.log, i);

      g_assert_null (strstr (line, "token"));
      g_assert_null (strstr (line, "@"));
    }
  g_mutex_unlock (&fixture->server.mutex);
}

static void
test_listen (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct
  {
    const char *address;
    int         code;
  } cases[] = {
    { "0.0.0.0:0", DESK_SYNC_ERROR_INSECURE },
    { "192.0.2.1:8443", DESK_SYNC_ERROR_INSECURE },
    { "127.0.0.1", DESK_SYNC_ERROR_CONFIG },
    { "sync.example.jp:8443", DESK_SYNC_ERROR_CONFIG },
  };
  g_autofree char *path = g_build_filename (fixture->dir, "listen.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSyncStorage) storage = desk_sync_sqlite_storage_open (path, &error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskSyncServer) server = desk_sync_server_new (storage, make_tokens ());

      g_assert_false (desk_sync_server_listen (server, cases[i].address, NULL, &error));
      g_assert_error (error, DESK_SYNC_ERROR, cases[i].code);
      g_clear_error (&error);
    }
}

/* }}} */
/* TLS {{{ */

/* A self-signed certificate for @san, made now with openssl. */
static GTlsCertificate *
make_certificate (Fixture     *fixture,
                  const char  *name,
                  const char  *san,
                  char       **cert_path)
{
  g_autofree char *key_path = g_strdup_printf ("%s/%s.key", fixture->dir, name);
  g_autofree char *extension = g_strdup_printf ("subjectAltName=%s", san);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;
  int status;

  *cert_path = g_strdup_printf ("%s/%s.pem", fixture->dir, name);
  g_spawn_sync (NULL,
                (char *[]) { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                             "-subj", "/CN=Incident Desk test", "-addext", extension,
                             "-keyout", key_path, "-out", *cert_path, NULL },
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  certificate = g_tls_certificate_new_from_files (*cert_path, key_path, &error);
  g_assert_no_error (error);
  return certificate;
}

static void
test_tls (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  g_autofree char *good_pem = NULL;
  g_autofree char *wrong_pem = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TestServer tls = { 0 };

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking)");
      return;
    }

  tls.path = g_build_filename (fixture->dir, "tls.db", NULL);
  tls.certificate = make_certificate (fixture, "good", "IP:127.0.0.1", &good_pem);
  server_start (&tls, NULL, PROXY_FORWARD);
  g_assert_true (g_str_has_prefix (tls.url, "https://127.0.0.1:"));

  /* not signed by an authority this machine trusts */
  before = digest (fixture->a);
  {
    g_autoptr(DeskSyncClient) client = make_client_for (fixture, fixture->a, WRITE_TOKEN, tls.url);
    g_autoptr(GError) error = NULL;

    g_assert_false (desk_sync_client_sync (client, NULL, &error));
    g_assert_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_TLS);
    g_assert_cmpuint (fixture->sleeps, ==, 0);
  }
  after = digest (fixture->a);
  g_assert_cmpstr (after, ==, before);

  /* the organisation's authority */
  {
    g_autoptr(DeskSyncClient) client = make_client_for (fixture, fixture->a, WRITE_TOKEN, tls.url);
    g_autoptr(GError) error = NULL;

    desk_sync_client_set_ca_file (client, good_pem);
    g_assert_true (desk_sync_client_sync (client, NULL, &error));
    g_assert_no_error (error);
  }
  server_stop (&tls);
  g_clear_object (&tls.certificate);

  /* a certificate for another name, even from a trusted authority */
  tls.certificate = make_certificate (fixture, "wrong", "DNS:sync.example.org", &wrong_pem);
  server_start (&tls, NULL, PROXY_FORWARD);
  {
    g_autoptr(DeskSyncClient) client = make_client_for (fixture, fixture->b, WRITE_TOKEN, tls.url);
    g_autoptr(GError) error = NULL;

    desk_sync_client_set_ca_file (client, wrong_pem);
    g_assert_false (desk_sync_client_sync (client, NULL, &error));
    g_assert_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_TLS);
  }
  {
    g_autoptr(DeskSyncClient) client = make_client_for (fixture, fixture->b, WRITE_TOKEN, tls.url);
    g_autoptr(GError) error = NULL;

    desk_sync_client_set_ca_file (client, "/nonexistent/ca.pem");
    g_assert_false (desk_sync_client_sync (client, NULL, &error));
    g_assert_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG);
  }
  server_stop (&tls);
  g_clear_object (&tls.certificate);
  g_free (tls.path);
}

/* }}} */
/* idesk serve, killed mid-push {{{ */

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *log;
  char             *url;
  gboolean          stopped;
} Serve;

/* The server goes with the test, even one that fails half-way. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
serve_start (Fixture    *fixture,
             Serve      *serve,
             const char *listen)
{
  g_autofree char *tokens = g_build_filename (fixture->dir, "tokens", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "served.db", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_true (g_file_set_contents (tokens, WRITE_TOKEN " write\n", -1, &error));
  g_assert_cmpint (g_chmod (tokens, 0600), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  serve->process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IDESK"),
                                                "--database", db, "serve", "--listen", listen,
                                                "--tokens", tokens, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (serve->process));
  serve->log = g_data_input_stream_new (g_subprocess_get_stderr_pipe (serve->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "Listening on http://127.0.0.1:"));
  serve->url = g_strdup (line + strlen ("Listening on "));
}

static void
serve_clear (Serve *serve)
{
  if (serve->process != NULL && !serve->stopped)
    {
      g_subprocess_send_signal (serve->process, SIGTERM);
      g_subprocess_wait (serve->process, NULL, NULL);
    }
  g_clear_object (&serve->process);
  g_clear_object (&serve->log);
  g_clear_pointer (&serve->url, g_free);
  serve->stopped = FALSE;
}

static gpointer
sync_thread (gpointer data)
{
  DeskSyncClient *client = data;
  g_autoptr(GError) error = NULL;

  return GINT_TO_POINTER (desk_sync_client_sync (client, NULL, &error));
}

/* The server dies (SIGKILL) in the middle of A's push and comes back: after the next sync,
 * every change and every account is on the server once, and B has them all. */
static void
test_killed_server (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *incident = make_incident (fixture, fixture->db_a, 3000);
  g_autofree char *listen = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *stats_a = NULL;
  g_autofree char *stats_b = NULL;
  g_autoptr(DeskSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  Serve serve = { 0 };
  GThread *thread;
  guint posts = 0;
  gint64 changes = 0, accounts = 0;

  g_clear_object (&fixture->a);
  fixture->a = desk_test_open_store (fixture->db_a);
  serve_start (fixture, &serve, "127.0.0.1:0");

  client = make_client_for (fixture, fixture->a, WRITE_TOKEN, serve.url);
  desk_sync_client_set_batch_sizes (client, 10, 200);
  thread = g_thread_new ("sync", sync_thread, client);
  while (posts < 6)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (serve.log, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_assert_null (strstr (line, WRITE_TOKEN));
      g_assert_null (strstr (line, "@"));
      posts += strstr (line, "POST /v1/") != NULL;
    }
  g_subprocess_force_exit (serve.process);
  g_subprocess_wait (serve.process, NULL, NULL);
  serve.stopped = TRUE;
  g_assert_false (GPOINTER_TO_INT (g_thread_join (thread)));
  while (g_main_context_iteration (NULL, FALSE));

  /* the same port, the same database */
  uri = g_uri_parse (serve.url, G_URI_FLAGS_NONE, NULL);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  serve_clear (&serve);
  serve_start (fixture, &serve, listen);
  g_assert_true (desk_sync_client_sync (client, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DeskSyncClient) other = make_client_for (fixture, fixture->b, WRITE_TOKEN,
                                                       serve.url);

    g_assert_true (desk_sync_client_sync (other, NULL, &error));
    g_assert_no_error (error);
  }
  while (g_main_context_iteration (NULL, FALSE));
  serve_clear (&serve);

  stats_a = stats_json (fixture->db_a, incident);
  stats_b = stats_json (fixture->db_b, incident);
  g_assert_cmpstr (stats_a, ==, stats_b);
  g_assert_cmpint (count_rows (fixture->b, "SELECT count (*) FROM audit_log"), ==,
                   count_rows (fixture->a, "SELECT count (*) FROM audit_log"));

  /* on the server, every change once and every account once */
  server_stop (&fixture->server);
  g_free (fixture->server.path);
  fixture->server.path = g_build_filename (fixture->dir, "served.db", NULL);
  server_start (&fixture->server, NULL, PROXY_FORWARD);
  count_server_entries (fixture, &changes, &accounts);
  g_assert_cmpint (changes, ==, count_rows (fixture->a, "SELECT count (*) FROM audit_log"));
  g_assert_cmpint (accounts, ==, 3000);
}

/* idesk's sync commands {{{ */

static void
assert_idesk_fails (int         expected,
                    const char *fragment,
                    ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("IDESK"));
  va_start (ap, fragment);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, expected);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "idesk: "));
  g_assert_nonnull (strstr (err, fragment));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->a, desk_incident_new ("Mail"));
  const char *uuid = desk_record_get_uuid (DESK_RECORD (incident));
  g_autofree char *tokens = g_build_filename (fixture->dir, "tokens", NULL);
  g_autofree char *token_file = g_build_filename (fixture->dir, "token", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty", NULL);
  g_autofree char *served = g_build_filename (fixture->dir, "served.db", NULL);
  g_autoptr(JsonNode) base = json_from_string ("\"Mail\"", NULL);
  g_autoptr(JsonNode) local = json_from_string ("\"Mail A\"", NULL);
  g_autoptr(JsonNode) remote = json_from_string ("\"Mail B\"", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRecord) stored = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (tokens, "not a tokens file\n", -1, &error));
  g_assert_cmpint (g_chmod (tokens, 0600), ==, 0);
  g_assert_true (g_file_set_contents (token_file, WRITE_TOKEN "\n", -1, &error));
  g_assert_true (g_file_set_contents (empty, "\n", -1, &error));

  assert_idesk_fails (2, "--endpoint is required", "--database", fixture->db_a, "sync", NULL);
  assert_idesk_fails (1, "Refusing plain http:// to sync.example.jp", "--database",
                      fixture->db_a, "sync", "--endpoint", "http://sync.example.jp", NULL);
  assert_idesk_fails (1, "holds no token", "--database", fixture->db_a, "sync", "--endpoint",
                      fixture->server.url, "--token-file", empty, NULL);
  assert_idesk_fails (2, "--timeout must be", "--database", fixture->db_a, "sync", "--endpoint",
                      fixture->server.url, "--timeout", "0", NULL);
  assert_idesk_fails (2, "--listen is required", "--database", served, "serve", "--tokens",
                      tokens, NULL);
  assert_idesk_fails (2, "--tls-cert and --tls-key go together", "--database", served, "serve",
                      "--listen", "127.0.0.1:0", "--tokens", tokens, "--tls-cert", tokens, NULL);
  assert_idesk_fails (1, "line 1: expected a token and a role", "--database", served, "serve",
                      "--listen", "127.0.0.1:0", "--tokens", tokens, NULL);
  assert_idesk_fails (2, "--take must be local or remote", "--database", fixture->db_a,
                      "conflict", "resolve", "1", "--take", "mine", NULL);
  assert_idesk_fails (2, "is not a conflict ID", "--database", fixture->db_a, "conflict",
                      "resolve", "x", "--take", "local", NULL);
  assert_idesk_fails (1, "There is no conflict with ID 7", "--database", fixture->db_a,
                      "conflict", "resolve", "7", "--take", "local", NULL);

  /* a sync through idesk with a token file, then a conflict listed and settled */
  g_free (run_idesk (&status, "--database", fixture->db_a, "sync", "--endpoint",
                     fixture->server.url, "--token-file", token_file, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (server_revision (fixture), ==, 1);
  g_assert_true (desk_store_sync_add_conflict (fixture->a, "incident", uuid, "title", base, local,
                                               remote, &error));
  g_assert_no_error (error);
  listed = run_idesk (&status, "--database", fixture->db_a, "conflicts", "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (listed, "\"remote\" : \"Mail B\""));
  id = g_strdup_printf ("%lld", (long long) count_rows (fixture->a,
                                                         "SELECT id FROM sync_conflicts"));
  out = run_idesk (&status, "--database", fixture->db_a, "conflict", "resolve", id, "--take",
                   "remote", NULL);
  g_assert_cmpint (status, ==, 0);
  stored = lookup (fixture->a, DESK_TYPE_INCIDENT, uuid);
  g_assert_cmpstr (desk_record_get_string (stored, "title"), ==, "Mail B");
  g_clear_pointer (&out, g_free);
  out = run_idesk (&status, "--database", fixture->db_a, "conflicts", NULL);
  g_assert_cmpstr (out, ==, "No conflicts.\n");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/sync/two-clients", test_two_clients);
  ADD ("/desk/sync/merge-and-conflict", test_merge_and_conflict);
  ADD ("/desk/sync/tombstones", test_tombstones);
  ADD ("/desk/sync/async", test_async);
  ADD ("/desk/sync/cancel", test_cancel);
  ADD ("/desk/sync/bad-servers", test_bad_servers);
  ADD ("/desk/sync/garbage-after-push", test_garbage_after_push);
  ADD ("/desk/sync/dropped-answer", test_dropped_answer);
  ADD ("/desk/sync/backoff", test_backoff);
  ADD ("/desk/sync/tokens", test_tokens);
  ADD ("/desk/sync/tokens-file", test_tokens_file);
  ADD ("/desk/sync/endpoints", test_endpoints);
  ADD ("/desk/sync/server-rules", test_server_rules);
  ADD ("/desk/sync/account-pages", test_account_pages);
  ADD ("/desk/sync/server-limits", test_server_limits);
  ADD ("/desk/sync/server-log", test_server_log);
  ADD ("/desk/sync/listen", test_listen);
  ADD ("/desk/sync/tls", test_tls);
  ADD ("/desk/sync/killed-server", test_killed_server);
  ADD ("/desk/sync/cli", test_cli);

#undef ADD

  return g_test_run ();
}
