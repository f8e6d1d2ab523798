/* desk-sync-server.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference sync server (docs/sync-api.md) on a SoupServer: bearer tokens with a role,
 * plain HTTP on loopback only, limits on what a request may weigh and how long it may take, and
 * the rules of the protocol: a batch applies once, every change is judged field by field against
 * what the server holds, and every request either applies whole or writes nothing. Requests are
 * handled one at a time on the server's main context; storage lies behind DeskSyncStorage. */

#define G_LOG_DOMAIN "desk-sync-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "desk-sync-server.h"
#include "desk-sync-wire.h"

struct _DeskSyncServer
{
  GObject          parent_instance;

  SoupServer      *server;
  DeskSyncStorage *storage;
  DeskSyncTokens  *tokens;
  DeskSyncLogFunc  log_func;
  gpointer         log_data;
  guint            idle_seconds;
  guint            request_seconds;
};

G_DEFINE_FINAL_TYPE (DeskSyncServer, desk_sync_server, G_TYPE_OBJECT)

/* What the server keeps of a request while it is read. */
typedef struct
{
  gint64        started;
  DeskSyncRole  role;
  guint         deadline;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_handle_id (&request->deadline, g_source_remove);
  g_free (request);
}

/* Answers {{{ */

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), strlen (text));
}

static void
reply_text (SoupServerMessage *msg,
            const char        *json)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json,
                                    strlen (json));
}

static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *code,
             const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  reply_json (msg, status, root);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "WWW-Authenticate", "Bearer");
}

/* A sync error as the status and code of docs/sync-api.md. */
static void
reply_gerror (SoupServerMessage *msg,
              const GError      *error)
{
  if (error->domain == DESK_SYNC_ERROR && error->code == DESK_SYNC_ERROR_INVALID)
    reply_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-request", error->message);
  else if (error->domain == DESK_SYNC_ERROR && error->code == DESK_SYNC_ERROR_TOO_LARGE)
    reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large", error->message);
  else if (error->domain == DESK_SYNC_ERROR && error->code == DESK_SYNC_ERROR_UNKNOWN_REFERENCE)
    reply_error (msg, SOUP_STATUS_CONFLICT, "unknown-reference", error->message);
  else
    {
      g_warning ("Request failed: %s", error->message);
      reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                   _("The server failed; nothing of the request was written"));
    }
}

/* }}} */
/* Judging changes {{{ */

static JsonNode *
null_node (void)
{
  return json_node_new (JSON_NODE_NULL);
}

/* Values as the wire checks left them: sets of categories sorted, so equal sets are equal. */
static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  return json_node_equal (a, b);
}

static void
add_conflict (JsonArray  *conflicts,
              const char *field,
              JsonNode   *base,
              JsonNode   *yours,
              JsonNode   *theirs)
{
  JsonObject *conflict = json_object_new ();

  json_object_set_string_member (conflict, "field", field);
  json_object_set_member (conflict, "base", base ? json_node_copy (base) : null_node ());
  json_object_set_member (conflict, "yours", json_node_copy (yours));
  json_object_set_member (conflict, "theirs", theirs ? json_node_copy (theirs) : null_node ());
  json_array_add_object_element (conflicts, conflict);
}

/* Field by field: a field whose value here is still the change's base takes the new value;
 * one that already has it is left; any other was changed by someone else since: a conflict.
 * A create has no base: any field that differs is a conflict. */
static void
merge_fields (DeskSyncRecordState *state,
              JsonObject          *before,
              JsonObject          *after,
              JsonObject          *values,
              JsonArray           *conflicts)
{
  g_autoptr(GList) names = json_object_get_members (after);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *field = l->data;
      JsonNode *theirs = json_object_get_member (state->fields, field);
      JsonNode *yours = json_object_get_member (after, field);
      JsonNode *base = before ? json_object_get_member (before, field) : NULL;
      g_autoptr(JsonNode) null = null_node ();

      if (same_value (theirs ? theirs : null, yours))
        continue;

      if (base != NULL && same_value (theirs ? theirs : null, base))
        {
          json_object_set_member (state->fields, field, json_node_copy (yours));
          json_object_set_member (values, field, json_node_copy (yours));
        }
      else
        add_conflict (conflicts, field, base, yours, theirs);
    }
}

static gboolean
judge_change (DeskSyncServer  *self,
              JsonObject      *change,
              JsonArray       *results,
              GError         **error)
{
  const char *id = json_object_get_string_member (change, "id");
  const char *kind = json_object_get_string_member (change, "kind");
  const char *uuid = json_object_get_string_member (change, "record");
  const char *action = json_object_get_string_member (change, "action");
  JsonObject *before = json_object_get_object_member (change, "before");
  JsonObject *after = json_object_get_object_member (change, "after");
  g_autoptr(DeskSyncRecordState) state = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonArray) conflicts = json_array_new ();
  g_autoptr(JsonNode) values_node = NULL;
  g_autoptr(JsonNode) change_node = NULL;
  g_autofree char *values_text = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *entry_text = NULL;
  JsonObject *result;
  gint64 revision;

  if (!desk_sync_storage_find_change (self->storage, id, &revision, error))
    return FALSE;

  if (revision == 0)
    {
      if (!desk_sync_storage_get_record (self->storage, uuid, &state, error))
        return FALSE;

      if (state != NULL && !g_str_equal (state->kind, kind))
        {
          /* Translators: a UUID, then two kinds of records */
          g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_INVALID,
                       _("change %s: record %s is a %s, not a %s"), id, uuid, state->kind, kind);
          return FALSE;
        }

      if (state == NULL)
        {
          /* A record the server never saw starts from what the change carries. */
          JsonObject *fields = after ? after : before;
          g_autoptr(GList) names = json_object_get_members (fields);

          state = g_new0 (DeskSyncRecordState, 1);
          state->kind = g_strdup (kind);
          state->fields = json_object_new ();
          state->created_at = json_object_get_int_member (change, "at");
          for (GList *l = names; l != NULL; l = l->next)
            {
              JsonNode *value = json_object_get_member (fields, l->data);

              json_object_set_member (state->fields, l->data, json_node_copy (value));
              json_object_set_member (values, l->data, json_node_copy (value));
            }
        }
      else if (g_str_equal (action, "create") || g_str_equal (action, "update"))
        merge_fields (state, g_str_equal (action, "update") ? before : NULL, after, values,
                      conflicts);

      /* Tombstones never conflict: the fields of a deleted record stay, restoring loses
       * nothing. */
      if (g_str_equal (action, "delete"))
        state->deleted = TRUE;
      else if (g_str_equal (action, "restore"))
        state->deleted = FALSE;

      /* The log's entry, written out: it is one of thousands a push brings. */
      values_node = json_node_init_object (json_node_alloc (), values);
      values_text = json_to_string (values_node, FALSE);
      change_node = json_node_init_object (json_node_alloc (), change);
      change_text = json_to_string (change_node, FALSE);
      entry_text = g_strdup_printf ("{\"type\":\"change\",\"change\":%s,\"values\":%s,"
                                    "\"deleted\":%s,\"created_at\":%lld}", change_text,
                                    values_text, state->deleted ? "true" : "false",
                                    (long long) state->created_at);

      if (!desk_sync_storage_put_record (self->storage, uuid, g_steal_pointer (&state), error) ||
          !desk_sync_storage_append (self->storage, id, entry_text, NULL, &revision, error))
        return FALSE;
    }

  result = json_object_new ();
  json_object_set_string_member (result, "id", id);
  json_object_set_int_member (result, "revision", revision);
  json_object_set_array_member (result, "conflicts", g_steal_pointer (&conflicts));
  json_array_add_object_element (results, result);
  return TRUE;
}

static gboolean
read_changes (JsonObject   *body,
              JsonArray   **changes,
              GError      **error)
{
  static const char * const members[] = { "batch", "changes", NULL };
  JsonNode *node = json_object_get_member (body, "changes");

  if (!desk_sync_wire_check_members (body, members, _("the batch"), error))
    return FALSE;

  if (!desk_sync_wire_is_uuid (json_object_get_member (body, "batch")) ||
      node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_INVALID,
                           _("A batch needs a “batch” UUID and a list of “changes”"));
      return FALSE;
    }

  *changes = json_node_get_array (node);
  if (json_array_get_length (*changes) > DESK_SYNC_MAX_CHANGES)
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_TOO_LARGE,
                   _("A batch may hold at most %d changes"), DESK_SYNC_MAX_CHANGES);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (*changes); i++)
    {
      JsonNode *change = json_array_get_element (*changes, i);

      if (!JSON_NODE_HOLDS_OBJECT (change))
        {
          g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_INVALID,
                       _("change %u is not an object"), i + 1);
          return FALSE;
        }
      if (!desk_sync_wire_check_change (json_node_get_object (change), error))
        return FALSE;
    }

  return TRUE;
}

/* Runs @apply in a transaction, unless @batch was applied already: then the answer it got. */
typedef gboolean (*ApplyFunc) (DeskSyncServer  *self,
                               gpointer         data,
                               JsonObject      *answer,
                               GError         **error);

static char *
apply_batch (DeskSyncServer  *self,
             const char      *batch,
             ApplyFunc        apply,
             gpointer         data,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  gint64 revision;

  if (!desk_sync_storage_begin (self->storage, error))
    return NULL;

  if (desk_sync_storage_find_batch (self->storage, batch, &text, &local_error) && text == NULL &&
      apply (self, data, answer, &local_error) &&
      desk_sync_storage_get_revision (self->storage, &revision, &local_error))
    {
      if (!json_object_has_member (answer, "revision"))
        json_object_set_int_member (answer, "revision", revision);
      node = json_node_init_object (json_node_alloc (), answer);
      text = json_to_string (node, FALSE);
      desk_sync_storage_put_batch (self->storage, batch, text, &local_error);
    }

  if (local_error != NULL || !desk_sync_storage_commit (self->storage, &local_error))
    {
      desk_sync_storage_rollback (self->storage);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&text);
}

static gboolean
apply_changes (DeskSyncServer  *self,
               gpointer         data,
               JsonObject      *answer,
               GError         **error)
{
  JsonArray *changes = data;
  g_autoptr(JsonArray) results = json_array_new ();

  for (guint i = 0; i < json_array_get_length (changes); i++)
    if (!judge_change (self, json_array_get_object_element (changes, i), results, error))
      return FALSE;

  json_object_set_array_member (answer, "results", g_steal_pointer (&results));
  return TRUE;
}

static void
push_changes (DeskSyncServer    *self,
              SoupServerMessage *msg,
              GBytes            *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *answer = NULL;
  JsonArray *changes;

  if (!(object = desk_sync_wire_parse_object (body, &error)) ||
      !read_changes (object, &changes, &error) ||
      !(answer = apply_batch (self, json_object_get_string_member (object, "batch"),
                              apply_changes, changes, &error)))
    {
      reply_gerror (msg, error);
      return;
    }

  reply_text (msg, answer);
}

/* }}} */
/* Pages of accounts {{{ */

static gboolean
check_reference (DeskSyncServer  *self,
                 const char      *uuid,
                 const char      *kind,
                 GError         **error)
{
  g_autoptr(DeskSyncRecordState) state = NULL;

  if (!desk_sync_storage_get_record (self->storage, uuid, &state, error))
    return FALSE;

  if (state == NULL || !g_str_equal (state->kind, kind))
    {
      /* Translators: a kind of record, then its UUID */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_UNKNOWN_REFERENCE,
                   _("The page refers to the %s %s, which was never pushed"), kind, uuid);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_accounts (DeskSyncServer  *self,
                gpointer         data,
                JsonObject      *answer,
                GError         **error)
{
  DeskSyncAccountPage *page = data;
  g_autoptr(JsonObject) entry = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *entry_text = NULL;
  g_autofree char *batch = g_steal_pointer (&page->batch);
  g_autofree char *header = NULL;
  g_autoptr(GByteArray) stored = NULL;
  g_autoptr(GBytes) stored_bytes = NULL;
  gint64 revision;

  if (!check_reference (self, page->incident, "incident", error))
    return FALSE;
  for (guint i = 0; i < page->customers->len; i++)
    if (!check_reference (self, g_ptr_array_index (page->customers, i), "customer", error))
      return FALSE;
  for (guint i = 0; i < page->categories->len; i++)
    if (!check_reference (self, g_ptr_array_index (page->categories, i), "category", error))
      return FALSE;

  json_object_set_string_member (entry, "type", "accounts");
  json_object_set_string_member (entry, "incident", page->incident);
  json_object_set_int_member (entry, "rows", page->accounts->len);
  node = json_node_init_object (json_node_alloc (), entry);
  entry_text = json_to_string (node, FALSE);

  /* Kept as it will be served: the header without its batch, then the rows as they came. */
  header = desk_sync_account_page_header (page);
  page->batch = g_steal_pointer (&batch);
  stored = g_byte_array_sized_new (strlen (header) + 1 + g_bytes_get_size (page->rows));
  g_byte_array_append (stored, (const guint8 *) header, strlen (header));
  g_byte_array_append (stored, (const guint8 *) "\n", 1);
  g_byte_array_append (stored, g_bytes_get_data (page->rows, NULL),
                       g_bytes_get_size (page->rows));
  stored_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&stored));

  if (!desk_sync_storage_append (self->storage, NULL, entry_text, stored_bytes, &revision, error))
    return FALSE;

  json_object_set_int_member (answer, "revision", revision);
  return TRUE;
}

static void
push_accounts (DeskSyncServer    *self,
               SoupServerMessage *msg,
               GBytes            *body)
{
  const char *type = soup_message_headers_get_content_type (
                       soup_server_message_get_request_headers (msg), NULL);
  g_autoptr(DeskSyncAccountPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;

  if (g_strcmp0 (type, DESK_SYNC_NDJSON) != 0)
    {
      reply_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                   _("A page of accounts is sent as application/x-ndjson"));
      return;
    }

  if (!(page = desk_sync_account_page_decode (body, TRUE, &error)) ||
      !(answer = apply_batch (self, page->batch, apply_accounts, page, &error)))
    {
      reply_gerror (msg, error);
      return;
    }

  reply_text (msg, answer);
}

static void
pull_accounts (DeskSyncServer    *self,
               SoupServerMessage *msg,
               const char        *revision_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *entry = NULL;
  g_autoptr(GBytes) rows = NULL;
  g_autoptr(GBytes) header_bytes = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *header_text = NULL;
  g_autoptr(GByteArray) body = NULL;
  guint64 revision;
  gsize size;
  const char *data;
  const char *newline;

  if (!g_ascii_string_to_unsigned (revision_text, 10, 1, G_MAXINT64, &revision, NULL))
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("No such page of accounts"));
      return;
    }

  if (!desk_sync_storage_begin (self->storage, &error))
    {
      reply_gerror (msg, error);
      return;
    }
  desk_sync_storage_read_rows (self->storage, revision, &entry, &rows, &error);
  desk_sync_storage_rollback (self->storage);
  if (error != NULL)
    {
      reply_gerror (msg, error);
      return;
    }
  if (rows == NULL)
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("No such page of accounts"));
      return;
    }

  /* The stored header line, with its revision now known. */
  data = g_bytes_get_data (rows, &size);
  newline = memchr (data, '\n', size);
  g_assert (newline != NULL);
  header_bytes = g_bytes_new_static (data, newline - data);
  if (!(header = desk_sync_wire_parse_object (header_bytes, &error)))
    {
      reply_gerror (msg, error);
      return;
    }
  json_object_set_int_member (header, "revision", revision);
  node = json_node_init_object (json_node_alloc (), header);
  header_text = json_to_string (node, FALSE);

  body = g_byte_array_sized_new (strlen (header_text) + size);
  g_byte_array_append (body, (const guint8 *) header_text, strlen (header_text));
  g_byte_array_append (body, (const guint8 *) newline, data + size - newline);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, DESK_SYNC_NDJSON, SOUP_MEMORY_TAKE,
                                    (const char *) body->data, body->len);
  g_byte_array_free (g_steal_pointer (&body), FALSE);
}

/* }}} */
/* Pulling and status {{{ */

static gboolean
query_number (GHashTable  *query,
              const char  *name,
              guint64      min,
              guint64      max,
              guint64      fallback,
              guint64     *value)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  return g_ascii_string_to_unsigned (text, 10, min, max, value, NULL);
}

static void
pull_changes (DeskSyncServer    *self,
              SoupServerMessage *msg,
              GHashTable        *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) answer = NULL;
  DeskSyncLogEntry *last = NULL;
  guint64 since, limit;
  gint64 head = 0;

  if (!query_number (query, "since", 0, G_MAXINT64, 0, &since) ||
      !query_number (query, "limit", 1, DESK_SYNC_MAX_PULL, DESK_SYNC_MAX_PULL, &limit))
    {
      reply_error (msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                   _("“since” must be a revision and “limit” a number from 1 to 1000"));
      return;
    }

  if (!desk_sync_storage_begin (self->storage, &error))
    {
      reply_gerror (msg, error);
      return;
    }
  if ((entries = desk_sync_storage_read_log (self->storage, since, limit, &error)) != NULL)
    desk_sync_storage_get_revision (self->storage, &head, &error);
  desk_sync_storage_rollback (self->storage);
  if (error != NULL)
    {
      reply_gerror (msg, error);
      return;
    }

  /* Written out, not built as a tree: the entries are stored as the compact JSON objects the
   * server made, and this is the most frequent request. */
  if (entries->len > 0)
    last = g_ptr_array_index (entries, entries->len - 1);
  answer = g_string_sized_new (1024);
  g_string_append_printf (answer, "{\"revision\":%lld,\"more\":%s,\"entries\":[",
                          (long long) head,
                          last != NULL && last->revision < head ? "true" : "false");
  for (guint i = 0; i < entries->len; i++)
    {
      DeskSyncLogEntry *entry = g_ptr_array_index (entries, i);

      g_assert (entry->entry[0] == '{' && entry->entry[1] != '}');
      g_string_append_printf (answer, "%s{\"revision\":%lld,%s", i > 0 ? "," : "",
                              (long long) entry->revision, entry->entry + 1);
    }
  g_string_append (answer, "]}");

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, answer->str,
                                    answer->len);
  g_string_free (g_steal_pointer (&answer), FALSE);
}

static void
reply_status (DeskSyncServer    *self,
              SoupServerMessage *msg,
              DeskSyncRole       role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonObject) limits = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  gint64 head = 0;

  if (!desk_sync_storage_begin (self->storage, &error))
    {
      reply_gerror (msg, error);
      return;
    }
  desk_sync_storage_get_revision (self->storage, &head, &error);
  desk_sync_storage_rollback (self->storage);
  if (error != NULL)
    {
      reply_gerror (msg, error);
      return;
    }

  json_object_set_int_member (limits, "body_bytes", DESK_SYNC_MAX_BODY);
  json_object_set_int_member (limits, "changes", DESK_SYNC_MAX_CHANGES);
  json_object_set_int_member (limits, "account_rows", DESK_SYNC_MAX_ACCOUNT_ROWS);
  json_object_set_int_member (limits, "pull", DESK_SYNC_MAX_PULL);

  json_object_set_int_member (answer, "api", 1);
  json_object_set_string_member (answer, "server",
                                 desk_sync_storage_get_server_id (self->storage));
  json_object_set_int_member (answer, "revision", head);
  json_object_set_string_member (answer, "role", desk_sync_role_to_string (role));
  json_object_set_object_member (answer, "limits", g_steal_pointer (&limits));
  node = json_node_init_object (json_node_alloc (), answer);
  reply_json (msg, SOUP_STATUS_OK, node);
}

/* }}} */
/* Requests {{{ */

static DeskSyncRole
authenticate (DeskSyncServer    *self,
              SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return DESK_SYNC_ROLE_NONE;

  return desk_sync_tokens_check (self->tokens, header + 7);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  DeskSyncServer *self = user_data;
  Request *request = g_object_get_data (G_OBJECT (msg), "desk-request");
  const char *method = soup_server_message_get_method (msg);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  g_autoptr(GBytes) body = NULL;
  DeskSyncRole role;

  g_clear_handle_id (&request->deadline, g_source_remove);

  role = request->role = authenticate (self, msg);
  if (role == DESK_SYNC_ROLE_NONE)
    {
      reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                   _("A valid token is needed: “Authorization: Bearer TOKEN”"));
      return;
    }

  if (!g_str_equal (path, "/v1/status") && !g_str_equal (path, "/v1/schema") &&
      !g_str_equal (path, "/v1/changes") && !g_str_equal (path, "/v1/accounts") &&
      !g_str_has_prefix (path, "/v1/accounts/"))
    {
      reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("No such path"));
      return;
    }

  if (post && role != DESK_SYNC_ROLE_WRITE)
    {
      reply_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", _("This token may only read"));
      return;
    }

  if (post)
    body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  if (get && g_str_equal (path, "/v1/status"))
    reply_status (self, msg, role);
  else if (get && g_str_equal (path, "/v1/schema"))
    {
      g_autoptr(JsonNode) schema = desk_sync_wire_schema ();

      reply_json (msg, SOUP_STATUS_OK, schema);
    }
  else if (get && g_str_equal (path, "/v1/changes"))
    pull_changes (self, msg, query);
  else if (post && g_str_equal (path, "/v1/changes"))
    push_changes (self, msg, body);
  else if (post && g_str_equal (path, "/v1/accounts"))
    push_accounts (self, msg, body);
  else if (get && g_str_has_prefix (path, "/v1/accounts/"))
    pull_accounts (self, msg, path + strlen ("/v1/accounts/"));
  else
    reply_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                 _("This path does not take this method"));
}

/* A body too large, or of unknown length, is refused on its headers: a client that asked
 * ("Expect: 100-continue") sends none; what another one sends is read and dropped, not kept. */
static void
on_got_headers_cb (SoupServerMessage *msg,
                   gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    return;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    reply_error (msg, SOUP_STATUS_LENGTH_REQUIRED, "length-required",
                 _("A request body needs a Content-Length"));
  else if (soup_message_headers_get_content_length (headers) > DESK_SYNC_MAX_BODY)
    reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                 _("The request body is larger than 16 MiB"));
  else
    return;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                "close");
}

/* A request not received in time: its connection is closed. */
static gboolean
on_deadline_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;
  Request *request = g_object_get_data (G_OBJECT (msg), "desk-request");
  GSocket *socket = soup_server_message_get_socket (msg);

  request->deadline = 0;
  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_request_started_cb (SoupServer        *server,
                       SoupServerMessage *msg,
                       gpointer           user_data)
{
  DeskSyncServer *self = user_data;
  Request *request = g_new0 (Request, 1);
  GSocket *socket = soup_server_message_get_socket (msg);

  request->started = g_get_monotonic_time ();
  request->deadline = g_timeout_add_seconds (self->request_seconds, on_deadline_cb, msg);
  g_object_set_data_full (G_OBJECT (msg), "desk-request", request, request_free);

  if (socket != NULL)
    g_socket_set_timeout (socket, self->idle_seconds);

  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers_cb), self);
}

static void
on_request_finished_cb (SoupServer        *server,
                        SoupServerMessage *msg,
                        gpointer           user_data)
{
  DeskSyncServer *self = user_data;
  Request *request = g_object_get_data (G_OBJECT (msg), "desk-request");
  g_autofree char *line = NULL;

  if (self->log_func == NULL || request == NULL)
    return;

  /* The path only: a query or a body could hold more than the log should. */
  line = g_strdup_printf ("%s %s %u %.0f ms %s", soup_server_message_get_method (msg),
                          g_uri_get_path (soup_server_message_get_uri (msg)),
                          soup_server_message_get_status (msg),
                          (g_get_monotonic_time () - request->started) / 1000.0,
                          desk_sync_role_to_string (request->role));
  self->log_func (line, self->log_data);
}

/* }}} */
/* GObject {{{ */

static void
desk_sync_server_dispose (GObject *object)
{
  DeskSyncServer *self = DESK_SYNC_SERVER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->storage);

  G_OBJECT_CLASS (desk_sync_server_parent_class)->dispose (object);
}

static void
desk_sync_server_finalize (GObject *object)
{
  DeskSyncServer *self = DESK_SYNC_SERVER (object);

  g_clear_pointer (&self->tokens, desk_sync_tokens_free);

  G_OBJECT_CLASS (desk_sync_server_parent_class)->finalize (object);
}

static void
desk_sync_server_class_init (DeskSyncServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_sync_server_dispose;
  object_class->finalize = desk_sync_server_finalize;
}

static void
desk_sync_server_init (DeskSyncServer *self)
{
  self->idle_seconds = 30;
  self->request_seconds = 60;
}

/* }}} */
/* Public API {{{ */

/**
 * desk_sync_server_new:
 * @tokens: (transfer full): who may pull and push
 */
DeskSyncServer *
desk_sync_server_new (DeskSyncStorage *storage,
                      DeskSyncTokens  *tokens)
{
  DeskSyncServer *self;

  g_return_val_if_fail (DESK_IS_SYNC_STORAGE (storage), NULL);
  g_return_val_if_fail (tokens != NULL, NULL);

  self = g_object_new (DESK_TYPE_SYNC_SERVER, NULL);
  self->storage = g_object_ref (storage);
  self->tokens = tokens;
  return self;
}

void
desk_sync_server_set_log_func (DeskSyncServer  *self,
                               DeskSyncLogFunc  func,
                               gpointer         user_data)
{
  g_return_if_fail (DESK_IS_SYNC_SERVER (self));

  self->log_func = func;
  self->log_data = user_data;
}

/**
 * desk_sync_server_set_timeouts:
 * @idle_seconds: how long a connection may stay silent while a request is read or answered
 * @request_seconds: how long reading a request may take
 *
 * Applies to the requests that start afterwards.
 */
void
desk_sync_server_set_timeouts (DeskSyncServer *self,
                               guint           idle_seconds,
                               guint           request_seconds)
{
  g_return_if_fail (DESK_IS_SYNC_SERVER (self));
  g_return_if_fail (idle_seconds > 0 && request_seconds > 0);

  self->idle_seconds = idle_seconds;
  self->request_seconds = request_seconds;
}

/**
 * desk_sync_server_listen:
 * @address: "ADDRESS:PORT", e.g. "127.0.0.1:8443" or "[::1]:0" (0: any free port)
 * @certificate: (nullable): the server's certificate and key, for HTTPS; without one, only a
 *   loopback address is accepted
 *
 * Starts serving on the thread-default main context.
 */
gboolean
desk_sync_server_listen (DeskSyncServer   *self,
                         const char       *address,
                         GTlsCertificate  *certificate,
                         GError          **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *host;
  guint16 port;

  g_return_val_if_fail (DESK_IS_SYNC_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  connectable = g_network_address_parse (address, 0, &local_error);
  if (connectable == NULL ||
      (g_network_address_get_port (G_NETWORK_ADDRESS (connectable)) == 0 &&
       !g_str_has_suffix (address, ":0")))
    {
      /* Translators: %s is what was given as the address to listen on */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("“%s” is not an address and port, such as 127.0.0.1:8443"), address);
      return FALSE;
    }

  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("“%s” is not an IP address to listen on"), host);
      return FALSE;
    }

  if (certificate == NULL && !g_inet_address_get_is_loopback (inet))
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_INSECURE,
                   _("Without a certificate the server only listens on this machine "
                     "(127.0.0.1 or ::1): give it --tls-cert and --tls-key to serve on %s"),
                   host);
      return FALSE;
    }

  self->server = soup_server_new ("server-header", "IncidentDesk/" PACKAGE_VERSION " ",
                                  "tls-certificate", certificate,
                                  NULL);
  soup_server_add_handler (self->server, "/", on_request_cb, self, NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (on_request_started_cb), self);
  g_signal_connect (self->server, "request-finished", G_CALLBACK (on_request_finished_cb), self);

  socket_address = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->server, socket_address,
                           certificate ? SOUP_SERVER_LISTEN_HTTPS : 0, &local_error))
    {
      g_clear_object (&self->server);
      /* Translators: an address, then why it could not be used */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("Cannot listen on %s: %s"), address, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_sync_server_get_url:
 *
 * Returns: (transfer full) (nullable): the URL the server listens on, its port resolved
 */
char *
desk_sync_server_get_url (DeskSyncServer *self)
{
  GSList *uris;
  char *url = NULL;

  g_return_val_if_fail (DESK_IS_SYNC_SERVER (self), NULL);

  if (self->server == NULL)
    return NULL;

  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

/* Stops listening and closes every connection. */
void
desk_sync_server_disconnect (DeskSyncServer *self)
{
  g_return_if_fail (DESK_IS_SYNC_SERVER (self));

  if (self->server != NULL)
    soup_server_disconnect (self->server);
}

/* }}} */
