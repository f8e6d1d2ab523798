/* desk-sync-client.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskSyncClient syncs a store with a server (docs/sync-api.md): it pushes the outbox in
 * batches, then the accounts changed since the last push in pages, then pulls the server's log
 * and applies it. Before a batch leaves, its id and extent are stored; after the answer, the new
 * position with the conflicts, in one transaction: interrupted anywhere, the next sync sends the
 * same batch again and the server applies it once. A sync runs on the calling thread with its
 * own SoupSession (sync_async() puts it on a worker); the properties a status indicator binds to
 * change on the thread that made the client. The token lives in memory only. */

#define G_LOG_DOMAIN "desk-sync-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "desk-labels.h"
#include "desk-records.h"
#include "desk-store-sync.h"
#include "desk-sync-client.h"
#include "desk-sync-wire.h"

/* The client's own keys of the sync state: the batch in flight and where the accounts' push is. */
#define KEY_BATCH               "batch"
#define KEY_BATCH_AFTER         "batch_after"
#define KEY_BATCH_LAST          "batch_last"
#define KEY_ACCOUNT_TARGET      "account_target"
#define KEY_ACCOUNT_INCIDENT    "account_incident"
#define KEY_ACCOUNT_FINDINGS    "account_findings"
#define KEY_ACCOUNT_AFTER       "account_after"
#define KEY_ACCOUNT_BATCH       "account_batch"
#define KEY_ACCOUNT_BATCH_LAST  "account_batch_last"

#define DEFAULT_TIMEOUT   30
#define DEFAULT_CHANGES   1000
#define DEFAULT_ACCOUNTS  20000
#define DEFAULT_RETRIES   5

/* Accounts merged in one transaction while pulling. */
#define MERGE_ROWS        250000

struct _DeskSyncClient
{
  GObject             parent_instance;

  DeskStore          *store;
  GMainContext       *context;   /* where properties change */
  char               *endpoint;
  char               *token;
  char               *ca_file;
  guint               timeout;
  guint               batch_changes;
  guint               batch_accounts;
  guint               max_retries;
  DeskSyncSleepFunc   sleep;
  DeskSyncRandomFunc  random;
  gpointer            retry_data;

  gboolean            running;
  DeskSyncState       state;
  double              progress;
  char               *message;
  gint64              last_sync;
  gint64              n_conflicts;
  gint64              n_pending;
  DeskSyncReport      report;
};

G_DEFINE_FINAL_TYPE (DeskSyncClient, desk_sync_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENDPOINT,
  PROP_CA_FILE,
  PROP_TIMEOUT,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_MESSAGE,
  PROP_LAST_SYNC,
  PROP_N_CONFLICTS,
  PROP_N_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One sync: the session and what it needs, on the thread that runs it. */
typedef struct
{
  DeskSyncClient *self;
  DeskStore      *store;
  SoupSession    *session;
  GCancellable   *cancellable;
  char           *endpoint;
  char           *authorization;
  guint           max_retries;
  DeskSyncSleepFunc sleep;
  DeskSyncRandomFunc random;
  gpointer        retry_data;
  guint           batch_changes;
  guint           batch_accounts;
  DeskSyncReport  report;
  gint64          to_push;
  gint64          to_pull;
  gint64          pull_from;
  GHashTable     *own_pages;   /* revisions of the account pages this run pushed */
  gboolean        offline;
} Run;

/* Status, on the client's own thread {{{ */

typedef struct
{
  DeskSyncClient *self;
  DeskSyncState   state;
  double          progress;
  char           *message;
  gint64          last_sync;
  gint64          n_conflicts;
  gint64          n_pending;
  DeskSyncReport  report;
  gboolean        counts;
} Update;

static void
update_free (gpointer data)
{
  Update *update = data;

  g_object_unref (update->self);
  g_free (update->message);
  g_free (update);
}

static gboolean
apply_update (gpointer data)
{
  Update *update = data;
  DeskSyncClient *self = update->self;
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (self->state != update->state)
    {
      self->state = update->state;
      g_object_notify_by_pspec (object, properties[PROP_STATE]);
    }
  if (self->progress != update->progress)
    {
      self->progress = update->progress;
      g_object_notify_by_pspec (object, properties[PROP_PROGRESS]);
    }
  if (g_strcmp0 (self->message, update->message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (update->message);
      g_object_notify_by_pspec (object, properties[PROP_MESSAGE]);
    }
  if (update->counts)
    {
      self->report = update->report;
      if (self->last_sync != update->last_sync)
        {
          self->last_sync = update->last_sync;
          g_object_notify_by_pspec (object, properties[PROP_LAST_SYNC]);
        }
      if (self->n_conflicts != update->n_conflicts)
        {
          self->n_conflicts = update->n_conflicts;
          g_object_notify_by_pspec (object, properties[PROP_N_CONFLICTS]);
        }
      if (self->n_pending != update->n_pending)
        {
          self->n_pending = update->n_pending;
          g_object_notify_by_pspec (object, properties[PROP_N_PENDING]);
        }
    }
  g_object_thaw_notify (object);

  return G_SOURCE_REMOVE;
}

/* Hands @update to the client's thread: at once if that is this one. */
static void
post_update (DeskSyncClient *self,
             Update         *update)
{
  update->self = g_object_ref (self);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, apply_update, update,
                              update_free);
}

static void
report_progress (Run        *run,
                 double      progress,
                 const char *message)
{
  Update *update = g_new0 (Update, 1);

  update->state = DESK_SYNC_STATE_SYNCING;
  update->progress = CLAMP (progress, 0.0, 1.0);
  update->message = g_strdup (message);
  post_update (run->self, update);
}

/* The counts of the store, and the state they give after a sync that went through. */
static gboolean
read_counts (DeskStore  *store,
             Update     *update,
             GError    **error)
{
  update->counts = TRUE;
  return desk_store_sync_count_conflicts (store, &update->n_conflicts, error) &&
         desk_store_sync_count_outbox (store, &update->n_pending, error) &&
         desk_store_sync_get_int (store, DESK_SYNC_KEY_LAST_SYNC, &update->last_sync, error);
}

/* }}} */
/* Endpoints and retries {{{ */

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * desk_sync_check_endpoint:
 *
 * Accepts an https:// URL, or http:// to this machine only (127.0.0.0/8, ::1, localhost): the
 * token and every record would cross the network in clear text otherwise.
 */
gboolean
desk_sync_check_endpoint (const char  *endpoint,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (endpoint == NULL || *endpoint == '\0')
    {
      g_set_error_literal (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                           _("No sync endpoint is set"));
      return FALSE;
    }

  uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      /* Translators: %s is what was given as the sync endpoint */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("“%s” is not an https:// address"), endpoint);
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("The sync endpoint may not hold a user name, a query or a fragment: “%s”"),
                   endpoint);
      return FALSE;
    }

  if (g_str_equal (scheme, "http") && !is_loopback_host (g_uri_get_host (uri)))
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_INSECURE,
                   _("Refusing plain http:// to %s: the token and the records would cross the "
                     "network unencrypted. Use https://"), g_uri_get_host (uri));
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_sync_backoff_delay:
 * @attempt: 0 for the first retry
 * @random: a number in [0, 1)
 *
 * Returns: how long to wait before a retry, in microseconds: min (60 s, 1 s × 2^@attempt),
 *   scaled by a factor from 0.5 to 1 that @random picks, so that clients do not retry together
 */
guint64
desk_sync_backoff_delay (guint  attempt,
                         double random)
{
  guint64 ceiling = G_USEC_PER_SEC << MIN (attempt, 6);

  ceiling = MIN (ceiling, 60 * G_USEC_PER_SEC);
  return (guint64) (ceiling * (0.5 + 0.5 * CLAMP (random, 0.0, 1.0)));
}

static void
default_sleep (guint64       microseconds,
               GCancellable *cancellable,
               gpointer      user_data)
{
  GPollFD pollfd;

  if (g_cancellable_make_pollfd (cancellable, &pollfd))
    {
      g_poll (&pollfd, 1, microseconds / 1000);
      g_cancellable_release_fd (cancellable);
    }
  else
    g_usleep (microseconds);
}

static double
default_random (gpointer user_data)
{
  return g_random_double ();
}

/* }}} */
/* Requests {{{ */

/* The message of the server's error body, or %NULL. */
static char *
error_message (GBytes *body)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *error;

  if (body == NULL || !(object = desk_sync_wire_parse_object (body, NULL)) ||
      !(error = json_object_get_member (object, "error")) || !JSON_NODE_HOLDS_OBJECT (error) ||
      !json_object_has_member (json_node_get_object (error), "message") ||
      json_node_get_value_type (json_object_get_member (json_node_get_object (error),
                                                        "message")) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_object_get_string_member (json_node_get_object (error), "message"));
}

static void
set_status_error (GError     **error,
                  guint        status,
                  GBytes      *body)
{
  g_autofree char *message = error_message (body);
  const char *reason = message ? message : soup_status_get_phrase (status);
  int code;

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
    case SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE:
    case SOUP_STATUS_LENGTH_REQUIRED:
      code = DESK_SYNC_ERROR_INVALID;
      break;
    case SOUP_STATUS_UNAUTHORIZED:
      code = DESK_SYNC_ERROR_UNAUTHORIZED;
      break;
    case SOUP_STATUS_FORBIDDEN:
      code = DESK_SYNC_ERROR_FORBIDDEN;
      break;
    case SOUP_STATUS_NOT_FOUND:
      code = DESK_SYNC_ERROR_NOT_FOUND;
      break;
    case SOUP_STATUS_CONFLICT:
      code = DESK_SYNC_ERROR_UNKNOWN_REFERENCE;
      break;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      code = DESK_SYNC_ERROR_TOO_LARGE;
      break;
    case SOUP_STATUS_REQUEST_TIMEOUT:
      code = DESK_SYNC_ERROR_TIMEOUT;
      break;
    default:
      code = DESK_SYNC_ERROR_SERVER;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_set_error (error, DESK_SYNC_ERROR, code,
                 _("The server does not accept this token (HTTP 401): %s"), reason);
  else if (status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, DESK_SYNC_ERROR, code,
                 _("This token may not change anything on the server (HTTP 403): %s"), reason);
  else
    /* Translators: an HTTP status code, then the server's message */
    g_set_error (error, DESK_SYNC_ERROR, code, _("The server answered HTTP %u: %s"), status,
                 reason);
}

/* A failure to talk to the server at all, in the terms of DESK_SYNC_ERROR. */
static void
set_transport_error (Run        *run,
                     GError    **error,
                     GError     *cause)
{
  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_TLS,
                 _("The server’s certificate is not trusted, or TLS failed: %s. Nothing was "
                   "sent; check the endpoint, or give the CA certificate of your organisation"),
                 cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_TIMEOUT,
                 _("The server did not answer in time: %s"), cause->message);
  else
    {
      run->offline = TRUE;
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_NETWORK,
                   _("Cannot reach the server: %s"), cause->message);
    }
}

static gboolean
is_retryable (GError *error)
{
  return g_error_matches (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_NETWORK) ||
         g_error_matches (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_TIMEOUT) ||
         g_error_matches (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_SERVER);
}

static GBytes *
send_once (Run         *run,
           const char  *method,
           const char  *path,
           const char  *content_type,
           GBytes      *body,
           GError     **error)
{
  g_autofree char *url = g_strconcat (run->endpoint, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  if (msg == NULL)
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("“%s” is not an https:// address"), url);
      return NULL;
    }

  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Authorization", run->authorization);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  g_debug ("%s %s", method, path);
  response = soup_session_send_and_read (run->session, msg, run->cancellable, &local_error);
  if (response == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_transport_error (run, error, local_error);
      return NULL;
    }

  status = soup_message_get_status (msg);
  if (status != SOUP_STATUS_OK)
    {
      set_status_error (error, status, response);
      return NULL;
    }

  return g_steal_pointer (&response);
}

/* Sends a request, retrying what may pass with back-off. */
static GBytes *
send_request (Run         *run,
              const char  *method,
              const char  *path,
              const char  *content_type,
              GBytes      *body,
              GError     **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      GBytes *response = send_once (run, method, path, content_type, body, &local_error);

      if (response != NULL)
        {
          run->offline = FALSE;
          return response;
        }

      if (!is_retryable (local_error) || attempt >= run->max_retries ||
          g_cancellable_is_cancelled (run->cancellable))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_debug ("Retrying after: %s", local_error->message);
      run->sleep (desk_sync_backoff_delay (attempt, run->random (run->retry_data)),
                  run->cancellable, run->retry_data);
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return NULL;
    }
}

static JsonObject *
send_json (Run         *run,
           const char  *method,
           const char  *path,
           JsonNode    *body,
           GError     **error)
{
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize length = strlen (text);

      request = g_bytes_new_take (g_steal_pointer (&text), length);
    }

  if (!(response = send_request (run, method, path, "application/json", request, error)))
    return NULL;

  if (!(object = desk_sync_wire_parse_object (response, &local_error)))
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_PROTOCOL,
                   _("The server’s answer is not valid: %s"), local_error->message);
      return NULL;
    }

  return object;
}

static void
set_protocol_error (GError     **error,
                    const char  *what)
{
  /* Translators: %s says what is wrong with the server's answer */
  g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_PROTOCOL,
               _("The server’s answer is not valid: %s"), what);
}

static gboolean
get_int_member (JsonObject *object,
                const char *name,
                gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

/* }}} */
/* The sync state {{{ */

static gboolean
begin (Run     *run,
       GError **error)
{
  return desk_database_begin (desk_store_get_database (run->store), error);
}

static gboolean
commit (Run     *run,
        GError **error)
{
  if (desk_database_commit (desk_store_get_database (run->store), error))
    return TRUE;

  desk_database_rollback (desk_store_get_database (run->store));
  return FALSE;
}

static void
rollback (Run *run)
{
  desk_database_rollback (desk_store_get_database (run->store));
}

static gint64
get_int (Run         *run,
         const char  *key,
         GError     **error)
{
  gint64 value = 0;

  desk_store_sync_get_int (run->store, key, &value, error);
  return value;
}

/* Which server the revisions belong to: another one means everything goes again. */
static gboolean
check_server (Run         *run,
              const char  *server,
              GError     **error)
{
  g_autofree char *known = NULL;

  if (!desk_store_sync_get_text (run->store, DESK_SYNC_KEY_SERVER, &known, error))
    return FALSE;

  if (known == NULL)
    return desk_store_sync_set_text (run->store, DESK_SYNC_KEY_SERVER, server, error);

  if (g_str_equal (known, server))
    return TRUE;

  g_message ("The server is not the one this database last synced with: sending everything");
  return desk_store_sync_reset (run->store, server, error);
}

/* Moves the pulled revision past the revisions of this sync's push, as far as they follow it
 * without a gap: this database has what they hold, and need not fetch it back. */
static gboolean
pass_own_entries (Run          *run,
                  const gint64 *revisions,
                  guint         n_revisions,
                  GError      **error)
{
  gint64 pulled = get_int (run, DESK_SYNC_KEY_PULLED, NULL);
  gint64 start = pulled;

  for (guint i = 0; i < n_revisions && revisions[i] == pulled + 1; i++)
    pulled++;

  return pulled == start || desk_store_sync_set_int (run->store, DESK_SYNC_KEY_PULLED, pulled,
                                                     error);
}

/* }}} */
/* Pushing changes {{{ */

/* Stores the conflicts of an answer and moves the outbox past the batch, in one transaction. */
static gboolean
acknowledge_changes (Run         *run,
                     JsonArray   *changes,
                     JsonObject  *answer,
                     gint64       last,
                     GError     **error)
{
  JsonNode *results = json_object_get_member (answer, "results");
  g_autoptr(GArray) revisions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;

  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results) ||
      json_array_get_length (json_node_get_array (results)) != json_array_get_length (changes))
    {
      set_protocol_error (error, _("it does not answer every change"));
      return FALSE;
    }

  if (!begin (run, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (results)) && !local_error; i++)
    {
      JsonNode *result = json_array_get_element (json_node_get_array (results), i);
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonNode *conflicts;
      gint64 revision;

      if (!JSON_NODE_HOLDS_OBJECT (result) ||
          !get_int_member (json_node_get_object (result), "revision", &revision))
        {
          set_protocol_error (&local_error, _("a result lacks its revision"));
          break;
        }
      g_array_append_val (revisions, revision);
      conflicts = json_object_get_member (json_node_get_object (result), "conflicts");
      if (conflicts == NULL || !JSON_NODE_HOLDS_ARRAY (conflicts))
        continue;

      for (guint c = 0; c < json_array_get_length (json_node_get_array (conflicts)); c++)
        {
          JsonNode *node = json_array_get_element (json_node_get_array (conflicts), c);
          JsonObject *conflict;
          JsonNode *field;

          if (!JSON_NODE_HOLDS_OBJECT (node) ||
              !(field = json_object_get_member (conflict = json_node_get_object (node), "field")) ||
              json_node_get_value_type (field) != G_TYPE_STRING ||
              !json_object_has_member (conflict, "yours") ||
              !json_object_has_member (conflict, "theirs"))
            {
              set_protocol_error (&local_error, _("a conflict lacks its field or values"));
              break;
            }

          if (!desk_store_sync_add_conflict (run->store,
                                             json_object_get_string_member (change, "kind"),
                                             json_object_get_string_member (change, "record"),
                                             json_node_get_string (field),
                                             json_object_get_member (conflict, "base"),
                                             json_object_get_member (conflict, "yours"),
                                             json_object_get_member (conflict, "theirs"),
                                             &local_error))
            break;
          run->report.conflicts++;
        }
    }

  if (local_error != NULL ||
      !pass_own_entries (run, (gint64 *) revisions->data, revisions->len, &local_error) ||
      !desk_store_sync_set_int (run->store, DESK_SYNC_KEY_PUSHED_AUDIT, last, &local_error) ||
      !desk_store_sync_set_text (run->store, KEY_BATCH, NULL, &local_error))
    {
      rollback (run);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return commit (run, error);
}

/* Stores the batch about to leave, so that an interrupted sync sends the same one again. */
static gboolean
remember_batch (Run         *run,
                const char  *batch,
                gint64       after,
                gint64       last,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!begin (run, error))
    return FALSE;

  if (!desk_store_sync_set_text (run->store, KEY_BATCH, batch, &local_error) ||
      !desk_store_sync_set_int (run->store, KEY_BATCH_AFTER, after, &local_error) ||
      !desk_store_sync_set_int (run->store, KEY_BATCH_LAST, last, &local_error))
    {
      rollback (run);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return commit (run, error);
}

static gboolean
push_changes (Run     *run,
              GError **error)
{
  gint64 pushed = 0;

  for (;;)
    {
      g_autofree char *batch = NULL;
      g_autoptr(JsonArray) changes = NULL;
      g_autoptr(JsonObject) body = json_object_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonObject) answer = NULL;
      g_autofree char *message = NULL;
      g_autofree char *done = NULL;
      g_autofree char *total = NULL;
      gint64 after, last, up_to = 0;

      if (!desk_store_sync_get_text (run->store, KEY_BATCH, &batch, error))
        return FALSE;

      if (batch != NULL)
        {
          /* The batch an interrupted sync sent: the same lines, under the same id. */
          after = get_int (run, KEY_BATCH_AFTER, NULL);
          up_to = get_int (run, KEY_BATCH_LAST, NULL);
        }
      else
        after = get_int (run, DESK_SYNC_KEY_PUSHED_AUDIT, NULL);

      if (!(changes = desk_store_sync_read_outbox (run->store, after, up_to,
                                                   batch ? G_MAXINT : run->batch_changes,
                                                   &last, error)))
        return FALSE;

      if (json_array_get_length (changes) == 0 && batch == NULL)
        return desk_store_sync_set_int (run->store, DESK_SYNC_KEY_PUSH_REMOTE, 0, error);

      if (batch == NULL)
        {
          batch = g_uuid_string_random ();
          if (!remember_batch (run, batch, after, last, error))
            return FALSE;
        }
      else
        last = up_to;

      json_object_set_string_member (body, "batch", batch);
      json_object_set_array_member (body, "changes", json_array_ref (changes));
      node = json_node_init_object (json_node_alloc (), body);
      if (!(answer = send_json (run, "POST", "/v1/changes", node, error)) ||
          !acknowledge_changes (run, changes, answer, last, error))
        return FALSE;

      pushed += json_array_get_length (changes);
      run->report.pushed_changes += json_array_get_length (changes);
      done = desk_format_count (pushed);
      total = desk_format_count (MAX (run->to_push, pushed));
      /* Translators: two counts, as in "Sent 500 of 3,000 changes" */
      message = g_strdup_printf (_("Sent %s of %s changes"), done, total);
      report_progress (run, 0.3 * pushed / MAX (run->to_push, pushed), message);
    }
}

/* }}} */
/* Pushing accounts {{{ */

static gboolean
load_cursor (Run                    *run,
             DeskSyncAccountCursor  *cursor,
             GError                **error)
{
  cursor->incident_id = get_int (run, KEY_ACCOUNT_INCIDENT, NULL);
  cursor->findings = get_int (run, KEY_ACCOUNT_FINDINGS, NULL) != 0;
  return desk_store_sync_get_text (run->store, KEY_ACCOUNT_AFTER, &cursor->after, error);
}

static gboolean
save_cursor (Run                    *run,
             DeskSyncAccountCursor  *cursor,
             GError                **error)
{
  return desk_store_sync_set_int (run->store, KEY_ACCOUNT_INCIDENT, cursor->incident_id, error) &&
         desk_store_sync_set_int (run->store, KEY_ACCOUNT_FINDINGS, cursor->findings, error) &&
         desk_store_sync_set_text (run->store, KEY_ACCOUNT_AFTER,
                                   cursor->after ? cursor->after : "", error);
}

/* The page of @accounts (local ids and bits) as it travels. */
static DeskSyncAccountPage *
make_page (Run         *run,
           gint64       incident_id,
           const char  *batch,
           GArray      *accounts,
           GError     **error)
{
  g_autoptr(DeskSyncAccountPage) page = desk_sync_account_page_new ();
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GPtrArray) categories = NULL;

  page->batch = g_strdup (batch);
  if (!(page->incident = desk_store_sync_uuid_of (run->store, DESK_TYPE_INCIDENT, incident_id,
                                                  error)) ||
      !(categories = desk_store_sync_category_uuids (run->store, incident_id, error)))
    return NULL;

  for (guint i = 0; i < categories->len; i++)
    g_ptr_array_add (page->categories, g_strdup (g_ptr_array_index (categories, i)));

  for (guint i = 0; i < accounts->len; i++)
    {
      DeskSyncAccount account = g_array_index (accounts, DeskSyncAccount, i);
      gpointer index;

      if (!g_hash_table_lookup_extended (indexes, &account.customer, NULL, &index))
        {
          char *uuid = desk_store_sync_uuid_of (run->store, DESK_TYPE_CUSTOMER, account.customer,
                                                error);

          if (uuid == NULL)
            return NULL;
          index = GUINT_TO_POINTER (page->customers->len);
          g_ptr_array_add (page->customers, uuid);
          g_hash_table_insert (indexes, g_memdup2 (&account.customer, sizeof (gint64)), index);
        }

      account.customer = GPOINTER_TO_UINT (index);
      g_array_append_val (page->accounts, account);
    }

  return g_steal_pointer (&page);
}

/* Moves @cursor on to the next phase or incident; sets @done past the last one. */
static gboolean
next_phase (Run                    *run,
            DeskSyncAccountCursor  *cursor,
            gboolean               *done,
            GError                **error)
{
  gboolean found;

  *done = FALSE;
  if (cursor->incident_id != 0 && !cursor->findings)
    {
      cursor->findings = TRUE;
      g_free (cursor->after);
      cursor->after = g_strdup ("");
      return TRUE;
    }

  if (!desk_store_sync_next_incident (run->store, cursor, &found, error))
    return FALSE;

  *done = !found;
  return TRUE;
}

static gboolean
push_accounts (Run     *run,
               GError **error)
{
  g_auto(DeskSyncAccountCursor) cursor = { 0, FALSE, NULL };
  g_autoptr(GError) local_error = NULL;
  gint64 target, above;

  /* The push aims at the change number of when it started; later changes go next time. */
  target = get_int (run, KEY_ACCOUNT_TARGET, NULL);
  above = get_int (run, DESK_SYNC_KEY_PUSHED_GEN, NULL);
  if (target == 0)
    {
      target = get_int (run, DESK_SYNC_KEY_ACCOUNT_GEN, NULL);
      if (target == above)
        return TRUE;
      if (!desk_store_sync_set_int (run->store, KEY_ACCOUNT_TARGET, target, error) ||
          !save_cursor (run, &cursor, error))
        return FALSE;
    }

  if (!load_cursor (run, &cursor, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GStringChunk) strings = g_string_chunk_new (256 * 1024);
      g_autoptr(GArray) accounts = NULL;
      g_autoptr(DeskSyncAccountPage) page = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GBytes) response = NULL;
      g_autoptr(JsonObject) answer = NULL;
      g_autofree char *batch = NULL;
      g_autofree char *message = NULL;
      g_autofree char *count = NULL;
      gint64 revision;
      gboolean done;

      if (cursor.incident_id == 0)
        accounts = g_array_new (FALSE, FALSE, sizeof (DeskSyncAccount));
      else if (!(accounts = desk_store_sync_read_accounts (run->store, &cursor, above, target,
                                                           run->batch_accounts, strings, error)))
        return FALSE;

      if (accounts->len == 0)
        {
          if (!next_phase (run, &cursor, &done, error))
            return FALSE;
          if (done)
            break;
          if (!save_cursor (run, &cursor, error))
            return FALSE;
          continue;
        }

      if (!desk_store_sync_get_text (run->store, KEY_ACCOUNT_BATCH, &batch, error))
        return FALSE;
      if (batch == NULL)
        {
          const char *last = g_array_index (accounts, DeskSyncAccount,
                                            accounts->len - 1).identifier;

          batch = g_uuid_string_random ();
          if (!begin (run, error))
            return FALSE;
          if (!desk_store_sync_set_text (run->store, KEY_ACCOUNT_BATCH, batch, &local_error) ||
              !desk_store_sync_set_text (run->store, KEY_ACCOUNT_BATCH_LAST, last, &local_error))
            {
              rollback (run);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (!commit (run, error))
            return FALSE;
        }

      if (!(page = make_page (run, cursor.incident_id, batch, accounts, error)))
        return FALSE;
      body = desk_sync_account_page_encode (page);
      if (!(response = send_request (run, "POST", "/v1/accounts", DESK_SYNC_NDJSON, body, error)))
        return FALSE;
      if (!(answer = desk_sync_wire_parse_object (response, NULL)) ||
          !get_int_member (answer, "revision", &revision))
        {
          set_protocol_error (error, _("a page of accounts got no revision"));
          return FALSE;
        }
      g_hash_table_add (run->own_pages, g_memdup2 (&revision, sizeof revision));

      /* Past the page as it was first sent, whatever changed since. */
      g_free (cursor.after);
      if (!desk_store_sync_get_text (run->store, KEY_ACCOUNT_BATCH_LAST, &cursor.after, error) ||
          !begin (run, error))
        return FALSE;
      if (!save_cursor (run, &cursor, &local_error) ||
          !desk_store_sync_set_text (run->store, KEY_ACCOUNT_BATCH, NULL, &local_error) ||
          !pass_own_entries (run, &revision, 1, &local_error))
        {
          rollback (run);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!commit (run, error))
        return FALSE;

      run->report.pushed_accounts += accounts->len;
      count = desk_format_count (run->report.pushed_accounts);
      /* Translators: a count, as in "Sent 20,000 accounts" */
      message = g_strdup_printf (_("Sent %s accounts"), count);
      report_progress (run, 0.3 + 0.2 * (1.0 - 1.0 / (1 + run->report.pushed_accounts / 1e5)),
                       message);
    }

  /* Done: the next push starts above this one's aim. */
  if (!begin (run, error))
    return FALSE;
  if (!desk_store_sync_set_int (run->store, DESK_SYNC_KEY_PUSHED_GEN, target, &local_error) ||
      !desk_store_sync_set_int (run->store, KEY_ACCOUNT_TARGET, 0, &local_error))
    {
      rollback (run);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return commit (run, error);
}

/* }}} */
/* Pulling {{{ */

static gboolean
is_accounts (JsonObject *entry)
{
  return g_str_equal (json_object_get_string_member (entry, "type"), "accounts");
}

static gboolean
apply_changes (Run        *run,
               JsonArray  *entries,
               guint       first,
               guint       end,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 revision = 0;

  if (first == end)
    return TRUE;

  if (!begin (run, error))
    return FALSE;

  for (guint i = first; i < end && local_error == NULL; i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      gboolean applied = FALSE;

      revision = json_object_get_int_member (entry, "revision");
      desk_store_sync_apply_change (run->store, entry, &applied, &local_error);
      run->report.pulled_changes += applied;
    }

  if (local_error == NULL)
    desk_store_sync_set_int (run->store, DESK_SYNC_KEY_PULLED, revision, &local_error);

  if (local_error != NULL)
    {
      rollback (run);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return commit (run, error);
}

/* A page of accounts pulled from the server, checked. */
static DeskSyncAccountPage *
fetch_page (Run     *run,
            gint64   revision,
            GError **error)
{
  g_autofree char *path = g_strdup_printf ("/v1/accounts/%lld", (long long) revision);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  DeskSyncAccountPage *page;

  if (!(body = send_request (run, "GET", path, NULL, NULL, error)))
    return NULL;

  if (!(page = desk_sync_account_page_decode (body, FALSE, &local_error)))
    {
      set_protocol_error (error, local_error->message);
      return NULL;
    }

  return page;
}

/* Applies the pages of accounts of entries @first to @end: fetched a few at a time, then merged
 * in one transaction, since one per page would write the large indexes out again and again. The
 * pages this sync pushed are skipped: this database has their accounts. */
static gboolean
apply_account_pages (Run        *run,
                     JsonArray  *entries,
                     guint       first,
                     guint       end,
                     GError    **error)
{
  for (guint i = first; i < end;)
    {
      g_autoptr(GPtrArray) pages = NULL;
      g_autoptr(GError) local_error = NULL;
      guint64 rows = 0;
      gint64 revision = 0;

      pages = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_sync_account_page_free);
      for (; i < end && rows < MERGE_ROWS; i++)
        {
          DeskSyncAccountPage *page;

          revision = json_object_get_int_member (json_array_get_object_element (entries, i),
                                                 "revision");
          if (g_hash_table_contains (run->own_pages, &revision))
            continue;
          if (!(page = fetch_page (run, revision, error)))
            return FALSE;
          g_ptr_array_add (pages, page);
          rows += page->accounts->len;
        }

      if (!begin (run, error))
        return FALSE;

      for (guint p = 0; p < pages->len && local_error == NULL; p++)
        {
          DeskSyncAccountPage *page = g_ptr_array_index (pages, p);

          desk_store_sync_apply_accounts (run->store, page->incident, page->customers,
                                          page->categories, page->accounts, &local_error);
        }

      if (local_error != NULL ||
          !desk_store_sync_set_int (run->store, DESK_SYNC_KEY_PULLED, revision, &local_error))
        {
          rollback (run);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (!commit (run, error))
        return FALSE;

      run->report.pulled_accounts += rows;
    }

  return TRUE;
}

/* Applies a page of the log: runs of changes in one transaction, runs of pages of accounts in a
 * few, each fetched before its transaction begins. */
static gboolean
apply_entries (Run        *run,
               JsonArray  *entries,
               GError    **error)
{
  guint n = json_array_get_length (entries);
  guint first = 0;

  while (first < n)
    {
      gboolean accounts = is_accounts (json_array_get_object_element (entries, first));
      guint end = first;

      while (end < n && is_accounts (json_array_get_object_element (entries, end)) == accounts)
        end++;

      if (accounts ? !apply_account_pages (run, entries, first, end, error)
                   : !apply_changes (run, entries, first, end, error))
        return FALSE;
      first = end;
    }

  return TRUE;
}

static gboolean
check_entries (JsonObject  *answer,
               gint64       since,
               JsonArray  **entries,
               GError     **error)
{
  JsonNode *node = json_object_get_member (answer, "entries");
  g_autoptr(GError) local_error = NULL;
  gint64 previous = since;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_protocol_error (error, _("it has no entries"));
      return FALSE;
    }

  *entries = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (*entries); i++)
    {
      JsonNode *entry = json_array_get_element (*entries, i);

      if (!JSON_NODE_HOLDS_OBJECT (entry) ||
          !desk_sync_wire_check_entry (json_node_get_object (entry), &local_error))
        {
          set_protocol_error (error, local_error ? local_error->message
                                                 : _("an entry is not an object"));
          return FALSE;
        }
      if (json_object_get_int_member (json_node_get_object (entry), "revision") <= previous)
        {
          set_protocol_error (error, _("its entries are out of order"));
          return FALSE;
        }
      previous = json_object_get_int_member (json_node_get_object (entry), "revision");
    }

  return TRUE;
}

static gboolean
pull (Run     *run,
      GError **error)
{
  gboolean more = TRUE;

  while (more)
    {
      g_autoptr(JsonObject) answer = NULL;
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;
      g_autofree char *changes = NULL;
      g_autofree char *accounts = NULL;
      JsonArray *entries;
      JsonNode *more_node;
      gint64 since = get_int (run, DESK_SYNC_KEY_PULLED, NULL);

      path = g_strdup_printf ("/v1/changes?since=%lld", (long long) since);
      if (!(answer = send_json (run, "GET", path, NULL, error)) ||
          !check_entries (answer, since, &entries, error) ||
          !apply_entries (run, entries, error))
        return FALSE;

      more_node = json_object_get_member (answer, "more");
      more = more_node != NULL && JSON_NODE_HOLDS_VALUE (more_node) &&
             json_node_get_value_type (more_node) == G_TYPE_BOOLEAN &&
             json_node_get_boolean (more_node) && json_array_get_length (entries) > 0;

      since = get_int (run, DESK_SYNC_KEY_PULLED, NULL);
      changes = desk_format_count (run->report.pulled_changes);
      accounts = desk_format_count (run->report.pulled_accounts);
      /* Translators: two counts, as in "Received 120 changes and 40,000 accounts" */
      message = g_strdup_printf (_("Received %s changes and %s accounts"), changes, accounts);
      report_progress (run, 0.5 + 0.5 * (since - run->pull_from) / MAX (run->to_pull, 1),
                       message);
    }

  return desk_store_sync_finish_accounts (run->store, error);
}

/* }}} */
/* The sync {{{ */

static gboolean
open_session (Run          *run,
              const char   *ca_file,
              guint         timeout,
              GError      **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  if (ca_file != NULL && *ca_file != '\0' &&
      !(database = g_tls_file_database_new (ca_file, &local_error)))
    {
      /* Translators: a file name, then why it cannot be used */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("Cannot use the CA certificate file “%s”: %s"), ca_file,
                   local_error->message);
      return FALSE;
    }

  run->session = soup_session_new_with_options ("timeout", timeout,
                                                "idle-timeout", timeout,
                                                "user-agent", "IncidentDesk/" PACKAGE_VERSION,
                                                NULL);
  /* Only when one is given: the session verifies against the system's authorities otherwise. */
  if (database != NULL)
    soup_session_set_tls_database (run->session, database);
  return TRUE;
}

static gboolean
start (Run     *run,
       GError **error)
{
  g_autoptr(JsonObject) status = NULL;
  JsonNode *server, *role;
  gint64 head;

  report_progress (run, 0.0, _("Connecting to the server"));
  if (!(status = send_json (run, "GET", "/v1/status", NULL, error)))
    return FALSE;

  server = json_object_get_member (status, "server");
  role = json_object_get_member (status, "role");
  if (!desk_sync_wire_is_uuid (server) || role == NULL || !JSON_NODE_HOLDS_VALUE (role) ||
      json_node_get_value_type (role) != G_TYPE_STRING ||
      !get_int_member (status, "revision", &head))
    {
      set_protocol_error (error, _("its status lacks the server’s id, revision or role"));
      return FALSE;
    }

  if (!check_server (run, json_node_get_string (server), error) ||
      !desk_store_sync_count_outbox (run->store, &run->to_push, error))
    return FALSE;

  run->pull_from = get_int (run, DESK_SYNC_KEY_PULLED, NULL);
  run->to_pull = head - run->pull_from;

  if (g_str_equal (json_node_get_string (role), "write"))
    return push_changes (run, error) && push_accounts (run, error);

  return TRUE;
}

static gboolean
run_sync (Run     *run,
          GError **error)
{
  gint64 pending = 0;

  if (!start (run, error) || !pull (run, error) ||
      !desk_store_sync_count_outbox (run->store, &pending, error))
    return FALSE;

  if (pending > 0)
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_FORBIDDEN,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Received the server’s changes, but this token may only read: "
                                "%lld local change was not sent",
                                "Received the server’s changes, but this token may only read: "
                                "%lld local changes were not sent", pending),
                   (long long) pending);
      return FALSE;
    }

  return desk_store_sync_set_int (run->store, DESK_SYNC_KEY_LAST_SYNC,
                                  desk_store_now (run->store), error);
}

/* The settings a sync runs with, taken on the client's thread when it starts: the window may
 * change them meanwhile. */
typedef struct
{
  char  *endpoint;
  char  *token;
  char  *ca_file;
  guint  timeout;
} Settings;

static Settings *
settings_take (DeskSyncClient *self)
{
  Settings *settings = g_new0 (Settings, 1);

  settings->endpoint = g_strdup (self->endpoint);
  settings->token = g_strdup (self->token);
  settings->ca_file = g_strdup (self->ca_file);
  settings->timeout = self->timeout;
  return settings;
}

static void
settings_free (gpointer data)
{
  Settings *settings = data;

  g_free (settings->endpoint);
  if (settings->token != NULL)
    memset (settings->token, 0, strlen (settings->token));
  g_free (settings->token);
  g_free (settings->ca_file);
  g_free (settings);
}

static gboolean
sync_with (DeskSyncClient  *self,
           Settings        *settings,
           GCancellable    *cancellable,
           GError         **error)
{
  Run run = { 0, };
  g_autoptr(GError) local_error = NULL;
  Update *update;
  gboolean ok;

  if (g_atomic_int_exchange (&self->running, TRUE))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("A sync is running already"));
      return FALSE;
    }

  run.self = self;
  run.store = self->store;
  run.cancellable = cancellable;
  run.endpoint = g_strdup (settings->endpoint);
  run.max_retries = self->max_retries;
  run.sleep = self->sleep;
  run.random = self->random;
  run.retry_data = self->retry_data;
  run.batch_changes = self->batch_changes;
  run.batch_accounts = self->batch_accounts;
  run.own_pages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (run.endpoint != NULL)
    while (g_str_has_suffix (run.endpoint, "/"))
      run.endpoint[strlen (run.endpoint) - 1] = '\0';

  if (settings->token == NULL || *settings->token == '\0')
    g_set_error_literal (&local_error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                         _("No sync token is set"));
  else
    run.authorization = g_strconcat ("Bearer ", settings->token, NULL);

  ok = local_error == NULL &&
       desk_sync_check_endpoint (settings->endpoint, &local_error) &&
       open_session (&run, settings->ca_file, settings->timeout, &local_error) &&
       run_sync (&run, &local_error);

  update = g_new0 (Update, 1);
  update->report = run.report;
  read_counts (self->store, update, NULL);
  if (ok)
    update->state = update->n_conflicts > 0 ? DESK_SYNC_STATE_CONFLICTS
                                            : DESK_SYNC_STATE_UP_TO_DATE;
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    update->state = DESK_SYNC_STATE_IDLE;
  else
    update->state = run.offline ? DESK_SYNC_STATE_OFFLINE : DESK_SYNC_STATE_ERROR;
  update->progress = ok ? 1.0 : 0.0;
  update->message = local_error ? g_strdup (local_error->message) : NULL;
  post_update (self, update);

  g_clear_object (&run.session);
  g_clear_pointer (&run.own_pages, g_hash_table_unref);
  g_free (run.endpoint);
  if (run.authorization != NULL)
    {
      memset (run.authorization, 0, strlen (run.authorization));
      g_free (run.authorization);
    }
  g_atomic_int_set (&self->running, FALSE);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/**
 * desk_sync_client_sync:
 *
 * Syncs on this thread, blocking: pushes, then pulls. On failure the database holds everything
 * acknowledged so far, and the next sync goes on from there.
 */
gboolean
desk_sync_client_sync (DeskSyncClient  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  Settings *settings;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), FALSE);

  settings = settings_take (self);
  ok = sync_with (self, settings, cancellable, error);
  settings_free (settings);
  return ok;
}

static void
sync_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (sync_with (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * desk_sync_client_sync_async:
 *
 * Runs desk_sync_client_sync() on a worker thread; the properties change on this one as it goes.
 */
void
desk_sync_client_sync_async (DeskSyncClient      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_sync_client_sync_async);
  g_task_set_task_data (task, settings_take (self), settings_free);
  g_task_run_in_thread (task, sync_worker);
}

gboolean
desk_sync_client_sync_finish (DeskSyncClient  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_sync_client_sync_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
/* GObject {{{ */

static void
desk_sync_client_finalize (GObject *object)
{
  DeskSyncClient *self = DESK_SYNC_CLIENT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->endpoint);
  desk_sync_client_set_token (self, NULL);
  g_free (self->ca_file);
  g_free (self->message);

  G_OBJECT_CLASS (desk_sync_client_parent_class)->finalize (object);
}

static void
desk_sync_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskSyncClient *self = DESK_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;

    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;

    case PROP_N_CONFLICTS:
      g_value_set_int64 (value, self->n_conflicts);
      break;

    case PROP_N_PENDING:
      g_value_set_int64 (value, self->n_pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_sync_client_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DeskSyncClient *self = DESK_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ENDPOINT:
      desk_sync_client_set_endpoint (self, g_value_get_string (value));
      break;

    case PROP_CA_FILE:
      desk_sync_client_set_ca_file (self, g_value_get_string (value));
      break;

    case PROP_TIMEOUT:
      desk_sync_client_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_sync_client_class_init (DeskSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_sync_client_finalize;
  object_class->get_property = desk_sync_client_get_property;
  object_class->set_property = desk_sync_client_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DESK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * DeskSyncClient:endpoint:
   *
   * The server's URL, e.g. "https://sync.example.jp/incident-desk"; the API's paths (/v1/…)
   * follow it.
   */
  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DeskSyncClient:ca-file:
   *
   * A PEM file of the authorities to trust instead of the system's, for an internal PKI.
   */
  properties[PROP_CA_FILE] =
    g_param_spec_string ("ca-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DeskSyncClient:timeout:
   *
   * Seconds to wait for the server before giving up a request (then retried).
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, DESK_TYPE_SYNC_STATE, DESK_SYNC_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskSyncClient:progress:
   *
   * How far the running sync is, from 0 to 1.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskSyncClient:message:
   *
   * What the running sync does, or why the last one failed; %NULL after one that went through.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_int64 ("n-conflicts", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * DeskSyncClient:n-pending:
   *
   * How many local changes wait to be sent.
   */
  properties[PROP_N_PENDING] =
    g_param_spec_int64 ("n-pending", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_sync_client_init (DeskSyncClient *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->timeout = DEFAULT_TIMEOUT;
  self->batch_changes = DEFAULT_CHANGES;
  self->batch_accounts = DEFAULT_ACCOUNTS;
  self->max_retries = DEFAULT_RETRIES;
  self->sleep = default_sleep;
  self->random = default_random;
}

/* }}} */
/* Public API {{{ */

/**
 * desk_sync_client_new:
 *
 * Makes a client of @store's sync. Its properties change on the thread-default main context of
 * the calling thread.
 */
DeskSyncClient *
desk_sync_client_new (DeskStore *store)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);

  return g_object_new (DESK_TYPE_SYNC_CLIENT, "store", store, NULL);
}

DeskStore *
desk_sync_client_get_store (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), NULL);

  return self->store;
}

const char *
desk_sync_client_get_endpoint (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), NULL);

  return self->endpoint;
}

static void
set_string (DeskSyncClient  *self,
            char           **field,
            const char      *value,
            int              prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
desk_sync_client_set_endpoint (DeskSyncClient *self,
                               const char     *endpoint)
{
  g_return_if_fail (DESK_IS_SYNC_CLIENT (self));

  set_string (self, &self->endpoint, endpoint, PROP_ENDPOINT);
}

/**
 * desk_sync_client_set_token:
 * @token: (nullable): the bearer token
 *
 * Kept in memory only, never written anywhere, and wiped when replaced.
 */
void
desk_sync_client_set_token (DeskSyncClient *self,
                            const char     *token)
{
  g_return_if_fail (DESK_IS_SYNC_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = g_strdup (token);
}

const char *
desk_sync_client_get_ca_file (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), NULL);

  return self->ca_file;
}

void
desk_sync_client_set_ca_file (DeskSyncClient *self,
                              const char     *ca_file)
{
  g_return_if_fail (DESK_IS_SYNC_CLIENT (self));

  set_string (self, &self->ca_file, ca_file, PROP_CA_FILE);
}

guint
desk_sync_client_get_timeout (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), 0);

  return self->timeout;
}

void
desk_sync_client_set_timeout (DeskSyncClient *self,
                              guint           seconds)
{
  g_return_if_fail (DESK_IS_SYNC_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * desk_sync_client_set_batch_sizes:
 * @changes: changes per batch (at most the server's limit)
 * @accounts: accounts per page
 *
 * For tests and benchmarks: small batches make many of them.
 */
void
desk_sync_client_set_batch_sizes (DeskSyncClient *self,
                                  guint           changes,
                                  guint           accounts)
{
  g_return_if_fail (DESK_IS_SYNC_CLIENT (self));
  g_return_if_fail (changes > 0 && changes <= DESK_SYNC_MAX_CHANGES);
  g_return_if_fail (accounts > 0 && accounts <= DESK_SYNC_MAX_ACCOUNT_ROWS);

  self->batch_changes = changes;
  self->batch_accounts = accounts;
}

/**
 * desk_sync_client_set_retries:
 * @max_retries: retries of a request that failed in a way that may pass
 * @sleep: (nullable): how to wait between them; %NULL for real waiting
 * @random: (nullable): the jitter's source; %NULL for g_random_double()
 *
 * Tests inject a clock that does not wait and a fixed jitter.
 */
void
desk_sync_client_set_retries (DeskSyncClient     *self,
                              guint               max_retries,
                              DeskSyncSleepFunc   sleep,
                              DeskSyncRandomFunc  random,
                              gpointer            user_data)
{
  g_return_if_fail (DESK_IS_SYNC_CLIENT (self));

  self->max_retries = max_retries;
  self->sleep = sleep ? sleep : default_sleep;
  self->random = random ? random : default_random;
  self->retry_data = user_data;
}

DeskSyncState
desk_sync_client_get_state (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), DESK_SYNC_STATE_IDLE);

  return self->state;
}

double
desk_sync_client_get_progress (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), 0.0);

  return self->progress;
}

const char *
desk_sync_client_get_message (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), NULL);

  return self->message;
}

gint64
desk_sync_client_get_last_sync (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), 0);

  return self->last_sync;
}

gint64
desk_sync_client_get_n_conflicts (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), 0);

  return self->n_conflicts;
}

gint64
desk_sync_client_get_n_pending (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), 0);

  return self->n_pending;
}

/* Returns: (transfer none): what the last sync did */
const DeskSyncReport *
desk_sync_client_get_report (DeskSyncClient *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), NULL);

  return &self->report;
}

/**
 * desk_sync_client_refresh:
 *
 * Reads the counts (#DeskSyncClient:n-conflicts, :n-pending, :last-sync) from the store again,
 * e.g. after a conflict was resolved. Quick: fine on the main thread.
 */
gboolean
desk_sync_client_refresh (DeskSyncClient  *self,
                          GError         **error)
{
  Update *update;

  g_return_val_if_fail (DESK_IS_SYNC_CLIENT (self), FALSE);

  update = g_new0 (Update, 1);
  update->state = self->state;
  update->progress = self->progress;
  update->message = g_strdup (self->message);
  update->report = self->report;
  if (!read_counts (self->store, update, error))
    {
      g_free (update->message);
      g_free (update);
      return FALSE;
    }

  if (update->state == DESK_SYNC_STATE_CONFLICTS && update->n_conflicts == 0)
    update->state = DESK_SYNC_STATE_UP_TO_DATE;
  post_update (self, update);
  return TRUE;
}

/* }}} */
