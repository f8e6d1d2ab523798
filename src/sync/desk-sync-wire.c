/* desk-sync-wire.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The wire format of docs/sync-api.md, for the server and the client alike: checking changes
 * against the store's registry of record types (a type added to desk_record_types() is known
 * here with no other change), and reading and writing pages of accounts. Account pages are read
 * by a parser of their own: a general JSON parser would build four million small trees. Messages
 * name the place that is wrong, never an account identifier (they reach logs). */

#define G_LOG_DOMAIN "desk-sync-wire"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "desk-records.h"
#include "desk-sync-wire.h"

G_DEFINE_QUARK (desk-sync-error-quark, desk_sync_error)

typedef enum
{
  WIRE_TEXT,
  WIRE_INTEGER,
  WIRE_TIME,
  WIRE_CHOICE,
  WIRE_REFERENCE,
  WIRE_CATEGORIES,
} WireType;

/* As GET /v1/schema names them, and, translated, as messages do. */
static const char * const wire_type_names[] = {
  NC_("sync field type", "text"),
  NC_("sync field type", "integer"),
  NC_("sync field type", "time"),
  NC_("sync field type", "choice"),
  NC_("sync field type", "reference"),
  NC_("sync field type", "category set"),
};

/* Helpers {{{ */

static WireType
wire_type (const DeskField *field)
{
  if (G_TYPE_IS_ENUM (field->pspec->value_type))
    return WIRE_CHOICE;
  if (field->pspec->value_type == G_TYPE_STRING)
    return WIRE_TEXT;
  if (field->flags & DESK_FIELD_REFERENCE)
    return WIRE_REFERENCE;
  if (field->flags & DESK_FIELD_CATEGORY_MASK)
    return WIRE_CATEGORIES;
  if (field->flags & DESK_FIELD_TIME)
    return WIRE_TIME;
  return WIRE_INTEGER;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
desk_sync_wire_is_uuid (JsonNode *node)
{
  return holds (node, G_TYPE_STRING) && g_uuid_string_is_valid (json_node_get_string (node));
}

static void
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_INVALID, message);
}

/* }}} */
/* JSON bodies {{{ */

/**
 * desk_sync_wire_parse_object:
 *
 * Returns: (transfer full): @body, which must be a JSON object, or %NULL with @error set
 */
JsonObject *
desk_sync_wire_parse_object (GBytes  *body,
                             GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *root;

  if (size == 0 || !g_utf8_validate (data, size, NULL) ||
      !json_parser_load_from_data (parser, data, size, &local_error))
    {
      invalid (error, _("The body is not valid JSON%s%s"), local_error ? ": " : "",
               local_error ? local_error->message : "");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, _("The body is not a JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/**
 * desk_sync_wire_check_members:
 * @allowed: the members @object may have, %NULL-terminated
 * @what: names @object in the message, e.g. "change 3"
 *
 * Returns: whether @object has only @allowed members
 */
gboolean
desk_sync_wire_check_members (JsonObject          *object,
                              const char * const  *allowed,
                              const char          *what,
                              GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        /* Translators: the first %s names a part of a request, e.g. "change 3", the second is
         * the name of a JSON member */
        invalid (error, _("%s: unknown member “%s”"), what, (const char *) l->data);
        return FALSE;
      }

  return TRUE;
}

static const DeskField *
find_field (DeskRecordClass *klass,
            const char      *column)
{
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      const DeskField *field = desk_record_class_get_field (klass, i);

      if (g_str_equal (field->column, column) && !(field->flags & DESK_FIELD_LOCAL))
        return field;
    }

  return NULL;
}

static gboolean
check_value (const DeskField *field,
             JsonNode        *node)
{
  gboolean null = JSON_NODE_HOLDS_NULL (node);

  switch (wire_type (field))
    {
    case WIRE_TEXT:
      return null || holds (node, G_TYPE_STRING);

    case WIRE_INTEGER:
      return holds (node, G_TYPE_INT64);

    case WIRE_TIME:
      return null || (holds (node, G_TYPE_INT64) && json_node_get_int (node) >= 0);

    case WIRE_CHOICE:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->pspec->value_type);

        return holds (node, G_TYPE_STRING) &&
               g_enum_get_value_by_nick (klass, json_node_get_string (node)) != NULL;
      }

    case WIRE_REFERENCE:
      return null || desk_sync_wire_is_uuid (node);

    case WIRE_CATEGORIES:
      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) > 63)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        if (!desk_sync_wire_is_uuid (json_array_get_element (json_node_get_array (node), i)))
          return FALSE;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * desk_sync_wire_check_fields:
 * @kind: a kind of record on the wire
 *
 * Checks that every member of @fields is a field of @kind with a value of its type, and sorts the
 * sets of categories, so that values compare as text.
 */
gboolean
desk_sync_wire_check_fields (const char  *kind,
                             JsonObject  *fields,
                             GError     **error)
{
  GType type = desk_record_type_from_kind (kind);
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_free);

  if (type == G_TYPE_INVALID)
    {
      /* Translators: %s is a kind of record on the wire */
      invalid (error, _("“%s” is not a kind of record this version of Incident Desk knows"),
               kind);
      return FALSE;
    }

  klass = g_type_class_ref (type);
  members = json_object_get_members (fields);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const DeskField *field = find_field (DESK_RECORD_CLASS (klass), l->data);
      JsonNode *node = json_object_get_member (fields, l->data);

      if (field == NULL)
        {
          /* Translators: the first %s is a field's name, the second a kind of record */
          invalid (error, _("unknown field “%s” for a %s"), (const char *) l->data, kind);
          return FALSE;
        }
      if (!check_value (field, node))
        {
          /* Translators: the first %s is a field's name, the second a type, e.g. "time" */
          invalid (error, _("the value of “%s” is not a %s"), (const char *) l->data,
                   g_dpgettext2 (GETTEXT_PACKAGE, "sync field type",
                                 wire_type_names[wire_type (field)]));
          return FALSE;
        }
      if (JSON_NODE_HOLDS_ARRAY (node))
        g_ptr_array_add (sets, g_strdup (l->data));
    }

  /* Replaced after the walk: replacing a member frees the name the walk holds. */
  for (guint i = 0; i < sets->len; i++)
    {
      const char *name = g_ptr_array_index (sets, i);
      g_autofree char *sorted = desk_sync_canonical_json (json_object_get_member (fields, name));

      json_object_set_member (fields, name, json_from_string (sorted, NULL));
    }

  return TRUE;
}

/* The required text fields of a created record may not be empty. */
static gboolean
check_required (const char  *kind,
                JsonObject  *after,
                GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (desk_record_type_from_kind (kind));

  for (guint i = 0; i < desk_record_class_get_n_fields (DESK_RECORD_CLASS (klass)); i++)
    {
      const DeskField *field = desk_record_class_get_field (DESK_RECORD_CLASS (klass), i);
      JsonNode *node;

      if (!(field->flags & DESK_FIELD_REQUIRED))
        continue;

      node = json_object_get_member (after, field->column);
      if (!holds (node, G_TYPE_STRING) || *json_node_get_string (node) == '\0')
        {
          /* Translators: the first %s is a kind of record, the second a field's name */
          invalid (error, _("a new %s needs its “%s”"), kind, field->column);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_side (JsonObject  *change,
            const char  *side,
            gboolean     wanted,
            GError     **error)
{
  JsonNode *node = json_object_get_member (change, side);
  const char *kind = json_object_get_string_member (change, "kind");

  if (!wanted)
    {
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          /* Translators: %s is "before" or "after", %s then an action such as "create" */
          invalid (error, _("“%s” must be null for “%s”"), side,
                   json_object_get_string_member (change, "action"));
          return FALSE;
        }
      return TRUE;
    }

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("“%s” must be an object for “%s”"), side,
               json_object_get_string_member (change, "action"));
      return FALSE;
    }

  return desk_sync_wire_check_fields (kind, json_node_get_object (node), error);
}

static gboolean
check_change (JsonObject  *change,
              GError     **error)
{
  static const char * const members[] = {
    "id", "at", "actor", "incident", "kind", "record", "action", "before", "after", NULL
  };
  static const char * const actions[] = { "create", "update", "delete", "restore", NULL };
  JsonNode *incident = json_object_get_member (change, "incident");
  const char *action;

  if (!desk_sync_wire_check_members (change, members, _("change"), error))
    return FALSE;

  if (!desk_sync_wire_is_uuid (json_object_get_member (change, "id")) ||
      !desk_sync_wire_is_uuid (json_object_get_member (change, "record")))
    {
      invalid (error, _("“id” and “record” must be UUIDs"));
      return FALSE;
    }
  if (!holds (json_object_get_member (change, "at"), G_TYPE_INT64) ||
      json_object_get_int_member (change, "at") < 0)
    {
      invalid (error, _("“at” must be a time in seconds"));
      return FALSE;
    }
  if (!holds (json_object_get_member (change, "actor"), G_TYPE_STRING))
    {
      invalid (error, _("“actor” must be a string"));
      return FALSE;
    }
  if (incident != NULL && !JSON_NODE_HOLDS_NULL (incident) && !desk_sync_wire_is_uuid (incident))
    {
      invalid (error, _("“incident” must be a UUID or null"));
      return FALSE;
    }
  if (!holds (json_object_get_member (change, "kind"), G_TYPE_STRING) ||
      desk_record_type_from_kind (json_object_get_string_member (change, "kind")) ==
        G_TYPE_INVALID)
    {
      invalid (error, _("“kind” must name a kind of record this version of Incident Desk "
                        "knows"));
      return FALSE;
    }
  if (!holds (json_object_get_member (change, "action"), G_TYPE_STRING) ||
      !g_strv_contains (actions, json_object_get_string_member (change, "action")))
    {
      invalid (error, _("“action” must be create, update, delete or restore"));
      return FALSE;
    }

  action = json_object_get_string_member (change, "action");
  if (!check_side (change, "before",
                   g_str_equal (action, "update") || g_str_equal (action, "delete"), error) ||
      !check_side (change, "after", !g_str_equal (action, "delete"), error))
    return FALSE;

  if (g_str_equal (action, "create") &&
      !check_required (json_object_get_string_member (change, "kind"),
                       json_object_get_object_member (change, "after"), error))
    return FALSE;

  if (g_str_equal (action, "update"))
    {
      JsonObject *before = json_object_get_object_member (change, "before");
      JsonObject *after = json_object_get_object_member (change, "after");
      g_autoptr(GList) names = json_object_get_members (after);

      if (json_object_get_size (before) != json_object_get_size (after) || names == NULL)
        {
          invalid (error, _("“before” and “after” of an update must name the same fields"));
          return FALSE;
        }
      for (GList *l = names; l != NULL; l = l->next)
        if (!json_object_has_member (before, l->data))
          {
            invalid (error,
                     _("“before” and “after” of an update must name the same fields"));
            return FALSE;
          }
    }

  return TRUE;
}

/**
 * desk_sync_wire_check_change:
 *
 * Checks a change of a push, or of a pulled entry, member by member: its ids, kind, action and
 * fields. Sets of categories come out sorted.
 */
gboolean
desk_sync_wire_check_change (JsonObject  *change,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *id = json_object_get_member (change, "id");

  if (check_change (change, &local_error))
    return TRUE;

  if (desk_sync_wire_is_uuid (id))
    /* Translators: the first %s is a change's UUID, the second what is wrong with it */
    invalid (error, _("change %s: %s"), json_node_get_string (id), local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * desk_sync_wire_check_entry:
 *
 * Checks an entry of a pulled log; unknown members are left for newer versions.
 */
gboolean
desk_sync_wire_check_entry (JsonObject  *entry,
                            GError     **error)
{
  JsonNode *type = json_object_get_member (entry, "type");
  JsonNode *revision = json_object_get_member (entry, "revision");
  const char *kind;

  if (!holds (revision, G_TYPE_INT64) || json_node_get_int (revision) <= 0 ||
      !holds (type, G_TYPE_STRING))
    {
      invalid (error, _("a log entry needs a revision and a type"));
      return FALSE;
    }

  if (g_str_equal (json_node_get_string (type), "accounts"))
    {
      if (!desk_sync_wire_is_uuid (json_object_get_member (entry, "incident")))
        {
          invalid (error, _("an accounts entry needs its incident"));
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (json_node_get_string (type), "change"))
    {
      JsonNode *change = json_object_get_member (entry, "change");
      JsonNode *values = json_object_get_member (entry, "values");

      if (change == NULL || !JSON_NODE_HOLDS_OBJECT (change) ||
          values == NULL || !JSON_NODE_HOLDS_OBJECT (values) ||
          !holds (json_object_get_member (entry, "deleted"), G_TYPE_BOOLEAN) ||
          !holds (json_object_get_member (entry, "created_at"), G_TYPE_INT64))
        {
          invalid (error, _("a change entry needs its change, values, deleted and created_at"));
          return FALSE;
        }

      if (!desk_sync_wire_check_change (json_node_get_object (change), error))
        return FALSE;

      kind = json_object_get_string_member (json_node_get_object (change), "kind");
      return desk_sync_wire_check_fields (kind, json_node_get_object (values), error);
    }

  /* Translators: %s is the type of a log entry */
  invalid (error, _("unknown type of log entry “%s”"), json_node_get_string (type));
  return FALSE;
}

/**
 * desk_sync_wire_schema:
 *
 * Returns: (transfer full): the kinds of records and their fields' types, as `GET /v1/schema`
 *   answers
 */
JsonNode *
desk_sync_wire_schema (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_types;
  const GType *types = desk_record_types (&n_types);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_object (builder);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

      json_builder_set_member_name (builder, desk_record_class_get_kind (record_class));
      json_builder_begin_object (builder);
      for (guint i = 0; i < desk_record_class_get_n_fields (record_class); i++)
        {
          const DeskField *field = desk_record_class_get_field (record_class, i);

          if (field->flags & DESK_FIELD_LOCAL)
            continue;

          json_builder_set_member_name (builder, field->column);
          if (wire_type (field) == WIRE_CHOICE)
            {
              g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->pspec->value_type);

              json_builder_begin_array (builder);
              for (guint v = 0; v < enum_class->n_values; v++)
                json_builder_add_string_value (builder, enum_class->values[v].value_nick);
              json_builder_end_array (builder);
            }
          else
            json_builder_add_string_value (builder, wire_type_names[wire_type (field)]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* }}} */
/* Account pages {{{ */

DeskSyncAccountPage *
desk_sync_account_page_new (void)
{
  DeskSyncAccountPage *page = g_new0 (DeskSyncAccountPage, 1);

  page->customers = g_ptr_array_new_with_free_func (g_free);
  page->categories = g_ptr_array_new_with_free_func (g_free);
  page->accounts = g_array_new (FALSE, FALSE, sizeof (DeskSyncAccount));
  page->strings = g_string_chunk_new (64 * 1024);
  return page;
}

void
desk_sync_account_page_free (DeskSyncAccountPage *page)
{
  g_free (page->batch);
  g_free (page->incident);
  g_ptr_array_unref (page->customers);
  g_ptr_array_unref (page->categories);
  g_array_unref (page->accounts);
  g_string_chunk_free (page->strings);
  g_clear_pointer (&page->rows, g_bytes_unref);
  g_free (page);
}

static void
add_strings (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

/**
 * desk_sync_account_page_header:
 *
 * Returns: (transfer full): the page's header line, without its line feed
 */
char *
desk_sync_account_page_header (DeskSyncAccountPage *page)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (page->batch != NULL)
    {
      json_builder_set_member_name (builder, "batch");
      json_builder_add_string_value (builder, page->batch);
    }
  if (page->revision > 0)
    {
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, page->revision);
    }
  json_builder_set_member_name (builder, "incident");
  json_builder_add_string_value (builder, page->incident);
  add_strings (builder, "customers", page->customers);
  add_strings (builder, "categories", page->categories);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, page->accounts->len);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * desk_sync_account_page_encode:
 *
 * Returns: (transfer full): the page as newline-delimited JSON: the header, then a line per
 *   account
 */
GBytes *
desk_sync_account_page_encode (DeskSyncAccountPage *page)
{
  g_autofree char *header = desk_sync_account_page_header (page);
  GString *out = g_string_sized_new (strlen (header) + 48 * (gsize) page->accounts->len);

  g_string_append (out, header);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < page->accounts->len; i++)
    {
      const DeskSyncAccount *account = &g_array_index (page->accounts, DeskSyncAccount, i);

      g_string_append_c (out, '[');
      append_json_string (out, account->identifier);
      g_string_append_printf (out, ",%lld,%lld,%d,%lld]\n", (long long) account->customer,
                              (long long) account->categories, account->exposure,
                              (long long) account->found_at);
    }

  return g_string_free_to_bytes (out);
}

typedef struct
{
  const char *p;
  const char *end;
  GString    *scratch;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r'))
    s->p++;
}

static gboolean
expect (Scanner *s,
        char     c)
{
  skip_space (s);
  if (s->p >= s->end || *s->p != c)
    return FALSE;
  s->p++;
  return TRUE;
}

static int
hex_value (char c)
{
  return g_ascii_xdigit_value (c);
}

static gboolean
read_hex4 (Scanner  *s,
           gunichar *value)
{
  *value = 0;
  if (s->end - s->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (s->p[i]);

      if (digit < 0)
        return FALSE;
      *value = (*value << 4) | digit;
    }
  s->p += 4;
  return TRUE;
}

/* A JSON string into s->scratch: escapes decoded, control characters refused. */
static gboolean
read_string (Scanner *s)
{
  g_string_truncate (s->scratch, 0);
  if (!expect (s, '"'))
    return FALSE;

  while (s->p < s->end && *s->p != '"')
    {
      char c = *s->p++;

      if ((guchar) c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          g_string_append_c (s->scratch, c);
          continue;
        }
      if (s->p >= s->end)
        return FALSE;

      c = *s->p++;
      switch (c)
        {
        case '"': case '\\': case '/':
          g_string_append_c (s->scratch, c);
          break;
        case 'b': case 'f': case 'n': case 'r': case 't':
          return FALSE;   /* control characters: never in an account */
        case 'u':
          {
            gunichar ch, low;

            if (!read_hex4 (s, &ch))
              return FALSE;
            if (ch >= 0xD800 && ch < 0xDC00)
              {
                if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
                  return FALSE;
                s->p += 2;
                if (!read_hex4 (s, &low) || low < 0xDC00 || low > 0xDFFF)
                  return FALSE;
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
              }
            else if ((ch >= 0xDC00 && ch <= 0xDFFF) || ch < 0x20 || ch == 0x7F)
              return FALSE;
            g_string_append_unichar (s->scratch, ch);
          }
          break;
        default:
          return FALSE;
        }
    }

  if (s->p >= s->end)
    return FALSE;
  s->p++;
  return s->scratch->len > 0 && g_utf8_validate (s->scratch->str, s->scratch->len, NULL);
}

/* A non-negative JSON integer below 2^62. */
static gboolean
read_number (Scanner *s,
             gint64  *value)
{
  const char *start;

  skip_space (s);
  start = s->p;
  *value = 0;
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    {
      if (*value > (G_GINT64_CONSTANT (1) << 62) / 10)
        return FALSE;
      *value = *value * 10 + (*s->p++ - '0');
    }

  /* "0", or digits not starting with 0 */
  return s->p > start && (s->p - start == 1 || *start != '0');
}

static gboolean
read_row (Scanner             *s,
          DeskSyncAccountPage *page,
          DeskSyncAccount     *account)
{
  gint64 exposure;

  if (!expect (s, '[') || !read_string (s) || !expect (s, ',') ||
      !read_number (s, &account->customer) || !expect (s, ',') ||
      !read_number (s, &account->categories) || !expect (s, ',') ||
      !read_number (s, &exposure) || !expect (s, ',') ||
      !read_number (s, &account->found_at) || !expect (s, ']'))
    return FALSE;

  skip_space (s);
  if (s->p != s->end)
    return FALSE;

  account->exposure = exposure;
  account->identifier = g_string_chunk_insert_len (page->strings, s->scratch->str,
                                                   s->scratch->len);
  return TRUE;
}

/* Whether @account refers to what the header lists, with a known exposure. */
static gboolean
check_row (DeskSyncAccountPage   *page,
           const DeskSyncAccount *account)
{
  return account->customer < page->customers->len &&
         (account->categories >> page->categories->len) == 0 &&
         account->exposure >= 0 && account->exposure < DESK_N_EXPOSURES &&
         (account->exposure != DESK_EXPOSURE_POTENTIAL) == (account->found_at != 0);
}

static gboolean
read_uuid_list (JsonObject  *header,
                const char  *name,
                guint        max,
                GPtrArray   *uuids,
                GError     **error)
{
  JsonNode *node = json_object_get_member (header, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) > max)
    {
      /* Translators: %s is "customers" or "categories" */
      invalid (error, _("the header’s “%s” must be a list of UUIDs"), name);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!desk_sync_wire_is_uuid (json_array_get_element (array, i)))
        {
          invalid (error, _("the header’s “%s” must be a list of UUIDs"), name);
          return FALSE;
        }
      g_ptr_array_add (uuids, g_strdup (json_array_get_string_element (array, i)));
    }

  return TRUE;
}

static gboolean
read_header (DeskSyncAccountPage  *page,
             const char           *line,
             gsize                 length,
             gboolean              push,
             gint64               *n_rows,
             GError              **error)
{
  static const char * const members[] = {
    "batch", "incident", "customers", "categories", "rows", NULL
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (line, length);
  g_autoptr(JsonObject) header = NULL;
  JsonNode *node;

  if (!(header = desk_sync_wire_parse_object (bytes, error)) ||
      (push && !desk_sync_wire_check_members (header, members, _("the header"), error)))
    return FALSE;

  if (push && !desk_sync_wire_is_uuid (json_object_get_member (header, "batch")))
    {
      invalid (error, _("the header needs a batch UUID"));
      return FALSE;
    }
  if (!desk_sync_wire_is_uuid (json_object_get_member (header, "incident")))
    {
      invalid (error, _("the header needs the incident’s UUID"));
      return FALSE;
    }
  node = json_object_get_member (header, "rows");
  if (!holds (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
    {
      invalid (error, _("the header needs the number of rows"));
      return FALSE;
    }
  if (json_node_get_int (node) > DESK_SYNC_MAX_ACCOUNT_ROWS)
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_TOO_LARGE,
                   _("A page may hold at most %d accounts"), DESK_SYNC_MAX_ACCOUNT_ROWS);
      return FALSE;
    }
  if (!read_uuid_list (header, "customers", DESK_SYNC_MAX_ACCOUNT_ROWS, page->customers, error) ||
      !read_uuid_list (header, "categories", 63, page->categories, error))
    return FALSE;

  if (push)
    page->batch = g_strdup (json_object_get_string_member (header, "batch"));
  page->incident = g_strdup (json_object_get_string_member (header, "incident"));
  if (holds (json_object_get_member (header, "revision"), G_TYPE_INT64))
    page->revision = json_object_get_int_member (header, "revision");
  *n_rows = json_node_get_int (node);
  return TRUE;
}

/**
 * desk_sync_account_page_decode:
 * @push: %TRUE for a pushed page (the server's side): it needs a batch, and unknown header
 *   members are refused; %FALSE for a pulled one, whose unknown members are left for newer
 *   versions
 *
 * Reads a page of accounts, checking every line.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
DeskSyncAccountPage *
desk_sync_account_page_decode (GBytes    *body,
                               gboolean   push,
                               GError   **error)
{
  g_autoptr(DeskSyncAccountPage) page = desk_sync_account_page_new ();
  g_autoptr(GString) scratch = g_string_new (NULL);
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  const char *end = data + size;
  const char *newline = memchr (data, '\n', size);
  const char *line;
  gint64 n_rows;
  guint number = 1;

  if (newline == NULL)
    {
      invalid (error, _("The body is not a page of accounts: its header line is missing"));
      return NULL;
    }
  if (!read_header (page, data, newline - data, push, &n_rows, error))
    return NULL;

  page->rows = g_bytes_new_from_bytes (body, newline + 1 - data, end - (newline + 1));
  g_array_set_size (page->accounts, 0);
  for (line = newline + 1; line < end; line = newline + 1)
    {
      Scanner scanner = { line, NULL, scratch };
      DeskSyncAccount account;

      number++;
      if ((newline = memchr (line, '\n', end - line)) == NULL)
        {
          /* Translators: %u is a line number */
          invalid (error, _("line %u does not end with a line feed"), number);
          return NULL;
        }
      scanner.end = newline;
      if (page->accounts->len >= n_rows)
        {
          invalid (error, _("the page holds more rows than its header says"));
          return NULL;
        }
      if (!read_row (&scanner, page, &account) || !check_row (page, &account))
        {
          /* Translators: %u is a line number */
          invalid (error, _("line %u is not an account row"), number);
          return NULL;
        }
      g_array_append_val (page->accounts, account);
    }

  if (page->accounts->len != n_rows)
    {
      invalid (error, _("the page holds fewer rows than its header says"));
      return NULL;
    }

  return g_steal_pointer (&page);
}

/* }}} */
