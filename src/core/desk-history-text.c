/* desk-history-text.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The incident's history in sentences people read: "Sato changed the status from Investigating
 * to Contained", "Ito marked 10 notices Sent". Audit entries hold the changed fields before and
 * after as JSON (snake_case keys, enumerations as nicks, times as seconds, other records as
 * UUIDs); these functions turn them into text without a widget or a database, so that tests
 * can check every sentence. The history page looks up the names the entries do not carry. */

#define G_LOG_DOMAIN "desk-history-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "desk-audit-entry.h"
#include "desk-history-text.h"
#include "desk-labels.h"
#include "desk-records.h"

/* Audit entries by the same person less than this apart read as one burst of work. */
#define BURST_GAP_SECONDS 60

/* Quoted values longer than this are shortened. */
#define MAX_QUOTE_CHARS 60

/* Helpers {{{ */

static JsonObject *
parse_object (const char  *json,
              JsonNode   **node)
{
  *node = NULL;

  if (json == NULL || *json == '\0')
    return NULL;

  *node = json_from_string (json, NULL);
  if (*node == NULL || !JSON_NODE_HOLDS_OBJECT (*node))
    return NULL;

  return json_node_get_object (*node);
}

/* Returns: (transfer none) (nullable): the string member @name of @object, NULL if absent,
 *   null or not a string */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return 0;

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

static gboolean
is_null (JsonObject *object,
         const char *name)
{
  return object == NULL || !json_object_has_member (object, name) ||
         JSON_NODE_HOLDS_NULL (json_object_get_member (object, name));
}

/* Returns: (transfer full): @text on one line, shortened to MAX_QUOTE_CHARS characters */
static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  g_autofree char *trimmed = NULL;

  g_strdelimit (flat, "\r\n\t", ' ');
  g_strstrip (flat);

  if (g_utf8_strlen (flat, -1) <= MAX_QUOTE_CHARS)
    return g_steal_pointer (&flat);

  trimmed = g_utf8_substring (flat, 0, MAX_QUOTE_CHARS - 1);
  g_strchomp (trimmed);
  return g_strconcat (trimmed, "…", NULL);
}

static gboolean
is_short (const char *text)
{
  return text != NULL && strchr (text, '\n') == NULL && g_utf8_strlen (text, -1) <= 48;
}

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (seconds);

  if (when == NULL)
    return g_strdup ("?");

  /* Translators: a day and time in the history, e.g. "14 Apr 2026 09:30"; see
   * g_date_time_format() for the codes */
  return g_date_time_format (when, _("%-d %b %Y %H:%M"));
}

/* The enumeration a field of a record of @kind holds, or G_TYPE_NONE. */
static GType
field_enum_type (const char *kind,
                 const char *column)
{
  if (g_str_equal (column, "status"))
    {
      if (g_strcmp0 (kind, "incident") == 0)
        return DESK_TYPE_INCIDENT_STATUS;
      if (g_strcmp0 (kind, "notification") == 0)
        return DESK_TYPE_NOTIFICATION_STATUS;
      if (g_strcmp0 (kind, "checklist_item") == 0)
        return DESK_TYPE_ITEM_STATUS;
      if (g_strcmp0 (kind, "obligation") == 0)
        return DESK_TYPE_OBLIGATION_STATUS;
    }
  else if (g_str_equal (column, "severity"))
    return DESK_TYPE_SEVERITY;
  else if (g_str_equal (column, "exposure"))
    return DESK_TYPE_EXPOSURE;
  else if (g_str_equal (column, "channel"))
    return DESK_TYPE_CHANNEL;
  else if (g_str_equal (column, "recipient"))
    return DESK_TYPE_RECIPIENT;
  else if (g_str_equal (column, "notice_basis"))
    return DESK_TYPE_NOTICE_BASIS;
  else if (g_str_equal (column, "source") && g_strcmp0 (kind, "figure") == 0)
    return DESK_TYPE_FIGURE_SOURCE;

  return G_TYPE_NONE;
}

/* Returns: (transfer none): the translated label of the enumeration value whose nick is @nick,
 *   or @nick itself when it names no value (a newer version wrote it) */
static const char *
enum_label (GType       type,
            const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (nick == NULL)
    return C_("history value", "none");

  klass = g_type_class_ref (type);
  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    return nick;

  if (type == DESK_TYPE_INCIDENT_STATUS)
    return desk_incident_status_label (value->value);
  if (type == DESK_TYPE_SEVERITY)
    return desk_severity_label (value->value);
  if (type == DESK_TYPE_EXPOSURE)
    return desk_exposure_label (value->value);
  if (type == DESK_TYPE_CHANNEL)
    return desk_channel_label (value->value);
  if (type == DESK_TYPE_NOTIFICATION_STATUS)
    return desk_notification_status_label (value->value);
  if (type == DESK_TYPE_RECIPIENT)
    return desk_recipient_label (value->value);
  if (type == DESK_TYPE_ITEM_STATUS)
    return desk_item_status_label (value->value);
  if (type == DESK_TYPE_NOTICE_BASIS)
    return desk_notice_basis_label (value->value);
  if (type == DESK_TYPE_OBLIGATION_STATUS)
    return desk_obligation_status_label (value->value);
  if (type == DESK_TYPE_FIGURE_SOURCE)
    return desk_figure_source_label (value->value);

  return nick;
}

static const struct
{
  const char *column;
  const char *label;
} field_labels[] = {
  { "title", NC_("history field", "title") },
  { "service", NC_("history field", "service") },
  { "status", NC_("history field", "status") },
  { "severity", NC_("history field", "severity") },
  { "occurred_at", NC_("history field", "time it occurred") },
  { "detected_at", NC_("history field", "detection time") },
  { "disclosed_at", NC_("history field", "disclosure time") },
  { "closed_at", NC_("history field", "closing time") },
  { "cause", NC_("history field", "cause") },
  { "vulnerability_refs", NC_("history field", "vulnerability references") },
  { "summary", NC_("history field", "summary") },
  { "time_zone", NC_("history field", "time zone") },
  { "estimated_potential", NC_("history field", "estimate of potentially affected accounts") },
  { "estimated_confirmed", NC_("history field", "estimate of confirmed accounts") },
  { "name", NC_("history field", "name") },
  { "position", NC_("history field", "position") },
  { "exposure", NC_("history field", "exposure") },
  { "categories", NC_("history field", "breach categories") },
  { "confirmed_at", NC_("history field", "confirmation time") },
  { "note", NC_("history field", "note") },
  { "recipient", NC_("history field", "recipient") },
  { "recipient_name", NC_("history field", "recipient’s name") },
  { "channel", NC_("history field", "channel") },
  { "due_at", NC_("history field", "due date") },
  { "sent_at", NC_("history field", "sending time") },
  { "acknowledged_at", NC_("history field", "acknowledgement time") },
  { "actor", NC_("history field", "person in charge") },
  { "text", NC_("history field", "text") },
  { "owner", NC_("history field", "owner") },
  { "done_at", NC_("history field", "completion time") },
  { "template", NC_("history field", "template") },
  { "happened_at", NC_("history field", "time it happened") },
  { "aware_at", NC_("history field", "awareness time") },
  { "determined_at", NC_("history field", "determination time") },
  { "rule", NC_("history field", "rule") },
  { "stage", NC_("history field", "stage") },
  { "condition", NC_("history field", "condition") },
  { "clock_start", NC_("history field", "clock start") },
  { "filed_at", NC_("history field", "filing time") },
  { "reference", NC_("history field", "reference") },
  { "recorded_at", NC_("history field", "time recorded") },
  { "potential", NC_("history field", "potentially affected accounts") },
  { "confirmed", NC_("history field", "confirmed accounts") },
  { "source", NC_("history field", "source") },
  { "source_name", NC_("history field", "imported file") },
};

/* Returns: (transfer none): the translated name of a field, e.g. "due date" */
static const char *
field_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].column, column))
      return g_dpgettext2 (GETTEXT_PACKAGE, "history field", field_labels[i].label);

  return column;
}

static gboolean
is_time_field (const char *column)
{
  return g_str_has_suffix (column, "_at");
}

/* Returns: (transfer full): "the due date", "the due date and the note", "the owner, the due date
 * and the note" */
static char *
join_fields (GPtrArray *columns)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      if (i > 0 && i == columns->len - 1)
        /* Translators: between the last two fields of a list, "the owner and the note" */
        g_string_append (text, _(" and "));
      else if (i > 0)
        /* Translators: between fields of a list, "the owner, the due date and the note" */
        g_string_append (text, _(", "));

      /* Translators: a field in a list of changed fields, e.g. "the note" */
      g_string_append_printf (text, _("the %s"), field_label (g_ptr_array_index (columns, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* }}} */
/* Noun phrases {{{ */

/* Returns: (transfer full): how a sentence names @n_records records of @kind: "the notice to
 *   K-10001", "the item “Rotate the keys”", "10 notices" */
static char *
object_phrase (const char *kind,
               JsonObject *before,
               JsonObject *after,
               guint       n_records,
               const char *subject)
{
  const char *name = NULL;
  g_autofree char *quoted = NULL;

  if (g_strcmp0 (kind, "incident") == 0)
    return n_records > 1 ? g_strdup_printf (ngettext ("%u incident", "%u incidents", n_records),
                                            n_records)
                         : g_strdup (_("the incident"));

  if (n_records > 1)
    {
      if (g_strcmp0 (kind, "category") == 0)
        return g_strdup_printf (ngettext ("%u breach category", "%u breach categories",
                                          n_records), n_records);
      if (g_strcmp0 (kind, "affected") == 0)
        return g_strdup_printf (ngettext ("%u affected customer", "%u affected customers",
                                          n_records), n_records);
      if (g_strcmp0 (kind, "notification") == 0)
        return g_strdup_printf (ngettext ("%u notice", "%u notices", n_records), n_records);
      if (g_strcmp0 (kind, "checklist") == 0)
        return g_strdup_printf (ngettext ("%u checklist", "%u checklists", n_records), n_records);
      if (g_strcmp0 (kind, "checklist_item") == 0)
        return g_strdup_printf (ngettext ("%u checklist item", "%u checklist items", n_records),
                                n_records);
      if (g_strcmp0 (kind, "event") == 0)
        return g_strdup_printf (ngettext ("%u event", "%u events", n_records), n_records);
      if (g_strcmp0 (kind, "obligation") == 0)
        return g_strdup_printf (ngettext ("%u obligation", "%u obligations", n_records),
                                n_records);
      if (g_strcmp0 (kind, "figure") == 0)
        return g_strdup_printf (ngettext ("%u figure", "%u figures", n_records), n_records);

      return g_strdup_printf (ngettext ("%u record", "%u records", n_records), n_records);
    }

  /* The name before a change is the one people knew the record by. */
  if (g_strcmp0 (kind, "category") == 0)
    {
      if ((name = get_string (before, "name")) || (name = get_string (after, "name")) ||
          (name = subject))
        return g_strdup_printf (_("the breach category “%s”"), (quoted = shorten (name)));
      return g_strdup (_("a breach category"));
    }

  if (g_strcmp0 (kind, "affected") == 0)
    {
      if (subject != NULL)
        /* Translators: an affected customer, e.g. "customer K-10001 (Example Corp)" */
        return g_strdup_printf (_("customer %s"), subject);
      return g_strdup (_("an affected customer"));
    }

  if (g_strcmp0 (kind, "notification") == 0)
    {
      if ((name = subject) || (name = get_string (after, "recipient_name")) ||
          (name = get_string (before, "recipient_name")))
        /* Translators: a notice and whom it goes to, e.g. "the notice to K-10001" */
        return g_strdup_printf (_("the notice to %s"), name);
      return g_strdup (_("a notice"));
    }

  if (g_strcmp0 (kind, "checklist") == 0)
    {
      if ((name = get_string (before, "title")) || (name = get_string (after, "title")) ||
          (name = subject))
        return g_strdup_printf (_("the checklist “%s”"), (quoted = shorten (name)));
      return g_strdup (_("a checklist"));
    }

  if (g_strcmp0 (kind, "checklist_item") == 0)
    {
      if ((name = get_string (before, "text")) || (name = get_string (after, "text")) ||
          (name = subject))
        return g_strdup_printf (_("the item “%s”"), (quoted = shorten (name)));
      return g_strdup (_("a checklist item"));
    }

  if (g_strcmp0 (kind, "event") == 0)
    {
      if ((name = get_string (before, "text")) || (name = get_string (after, "text")) ||
          (name = subject))
        return g_strdup_printf (_("the event “%s”"), (quoted = shorten (name)));
      return g_strdup (_("an event"));
    }

  /* An obligation is named by its rule and stage, which an update does not repeat. */
  if (g_strcmp0 (kind, "obligation") == 0)
    {
      const char *rule = get_string (after, "rule") ? get_string (after, "rule")
                                                     : get_string (before, "rule");
      const char *stage = get_string (after, "stage") ? get_string (after, "stage")
                                                       : get_string (before, "stage");

      if (subject != NULL)
        return g_strdup_printf (_("the obligation “%s”"), subject);
      if (rule != NULL && stage != NULL)
        /* Translators: a deadline rule's id and one of its stages, e.g. "the obligation
         * appi/final" */
        return g_strdup_printf (_("the obligation %s/%s"), rule, stage);
      return g_strdup (_("an obligation"));
    }

  if (g_strcmp0 (kind, "figure") == 0)
    return g_strdup (_("a figure of the history"));

  return g_strdup (_("a record"));
}

/* }}} */
/* Sentences {{{ */

static char *
describe_create (const char *actor,
                 const char *kind,
                 JsonObject *after,
                 guint       n_records,
                 guint       n_items,
                 const char *subject)
{
  g_autofree char *object = NULL;
  g_autofree char *title = NULL;

  if (n_records <= 1 && g_strcmp0 (kind, "incident") == 0 && get_string (after, "title"))
    {
      title = shorten (get_string (after, "title"));
      return g_strdup_printf (_("%1$s created the incident “%2$s”"), actor, title);
    }

  if (n_records <= 1 && g_strcmp0 (kind, "figure") == 0)
    {
      g_autofree char *potential = desk_format_count (get_int (after, "potential"));
      g_autofree char *confirmed = desk_format_count (get_int (after, "confirmed"));

      /* Translators: the figure history gained a point, e.g. "Sato recorded 4,072,650
       * accounts potentially affected, 311,288 confirmed" */
      return g_strdup_printf (_("%1$s recorded %2$s accounts potentially affected, %3$s "
                                "confirmed"), actor, potential, confirmed);
    }

  if (n_records <= 1 && g_strcmp0 (kind, "checklist") == 0 && n_items > 0)
    {
      title = shorten (get_string (after, "title") ? get_string (after, "title") : "");
      return g_strdup_printf (ngettext ("%1$s added the checklist “%2$s” with %3$u item",
                                        "%1$s added the checklist “%2$s” with %3$u items",
                                        n_items),
                              actor, title, n_items);
    }

  object = object_phrase (kind, NULL, after, n_records, subject);
  /* Translators: someone added something, e.g. "Tanaka added the checklist “Patching”" */
  return g_strdup_printf (_("%1$s added %2$s"), actor, object);
}

/* The sentence for a change of @column alone. */
static char *
describe_field (const char *actor,
                const char *kind,
                const char *column,
                JsonObject *before,
                JsonObject *after,
                const char *object)
{
  GType enum_type = field_enum_type (kind, column);
  const char *label = field_label (column);

  if (enum_type != G_TYPE_NONE)
    {
      const char *from = enum_label (enum_type, get_string (before, column));
      const char *to = enum_label (enum_type, get_string (after, column));

      if (g_strcmp0 (kind, "incident") == 0)
        /* Translators: e.g. "Sato changed the status from Investigating to Contained" */
        return g_strdup_printf (_("%1$s changed the %2$s from %3$s to %4$s"),
                                actor, label, from, to);

      if (g_str_equal (column, "status") || g_str_equal (column, "exposure"))
        /* Translators: e.g. "Ito marked the notice to K-10001 Sent", "Ito marked 10 notices
         * Sent"; the last value is a status */
        return g_strdup_printf (_("%1$s marked %2$s %3$s"), actor, object, to);

      /* Translators: e.g. "Ito set the channel of the notice to K-10001 to E-mail" */
      return g_strdup_printf (_("%1$s set the %2$s of %3$s to %4$s"), actor, label, object, to);
    }

  if ((g_str_equal (column, "title") || g_str_equal (column, "name") ||
       g_str_equal (column, "text")) && get_string (after, column) != NULL)
    {
      g_autofree char *to = shorten (get_string (after, column));

      /* Translators: e.g. "Sato renamed the checklist “Patching” to “Patching 2”" */
      return g_strdup_printf (_("%1$s renamed %2$s to “%3$s”"), actor, object, to);
    }

  if (g_str_equal (column, "owner") && get_string (after, column) != NULL)
    /* Translators: e.g. "Sato assigned the item “Rotate the keys” to IAM Lead" */
    return g_strdup_printf (_("%1$s assigned %2$s to %3$s"), actor, object,
                            get_string (after, column));

  if (g_str_equal (column, "categories"))
    /* Translators: e.g. "Sato changed the breach categories of customer K-10001" */
    return g_strdup_printf (_("%1$s changed the %2$s of %3$s"), actor, label, object);

  if (is_null (after, column))
    /* Translators: e.g. "Sato cleared the due date of the item “Rotate the keys”" */
    return g_strdup_printf (_("%1$s cleared the %2$s of %3$s"), actor, label, object);

  if (is_time_field (column))
    {
      g_autofree char *when = NULL;

      if (g_str_equal (column, "due_at"))
        when = desk_format_date (get_int (after, column));
      else
        when = format_time (get_int (after, column));

      /* Translators: e.g. "Sato set the due date of the item “Rotate keys” to 19 Apr 2026" */
      return g_strdup_printf (_("%1$s set the %2$s of %3$s to %4$s"), actor, label, object, when);
    }

  if (get_string (after, column) != NULL && is_short (get_string (after, column)))
    /* Translators: e.g. "Sato set the note of the item “Rotate the keys” to “waiting”" */
    return g_strdup_printf (_("%1$s set the %2$s of %3$s to “%4$s”"), actor, label, object,
                            get_string (after, column));

  if (get_string (after, column) == NULL && !is_null (after, column) &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (after, column)))
    {
      g_autofree char *count = desk_format_count (get_int (after, column));

      /* Translators: e.g. "Sato set the estimate of potentially affected accounts of the
       * incident to 4,072,650" */
      return g_strdup_printf (_("%1$s set the %2$s of %3$s to %4$s"), actor, label, object,
                              count);
    }

  /* Translators: e.g. "Sato changed the summary of the incident" */
  return g_strdup_printf (_("%1$s changed the %2$s of %3$s"), actor, label, object);
}

/* Fields whose change a change of status or exposure implies: saying "marked it Sent" says the
 * sending time changed. */
static gboolean
is_implied (const char *column,
            GPtrArray  *columns)
{
  static const char *by_status[] = { "done_at", "sent_at", "acknowledged_at", "actor",
                                     "closed_at", "filed_at" };
  gboolean has_status = FALSE, has_exposure = FALSE;

  for (guint i = 0; i < columns->len; i++)
    {
      has_status |= g_str_equal (g_ptr_array_index (columns, i), "status");
      has_exposure |= g_str_equal (g_ptr_array_index (columns, i), "exposure");
    }

  if (has_status)
    for (guint i = 0; i < G_N_ELEMENTS (by_status); i++)
      if (g_str_equal (column, by_status[i]))
        return TRUE;

  return has_exposure && g_str_equal (column, "confirmed_at");
}

/* The field a sentence leads with when several changed at once. */
static int
field_rank (const char *column)
{
  static const char *order[] = { "status", "exposure", "severity", "title", "name", "text",
                                 "channel", "recipient", "owner", "due_at" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_str_equal (column, order[i]))
      return i;

  return G_N_ELEMENTS (order);
}

static int
compare_fields (gconstpointer a,
                gconstpointer b)
{
  return field_rank (*(const char **) a) - field_rank (*(const char **) b);
}

static char *
describe_update (const char *actor,
                 const char *kind,
                 JsonObject *before,
                 JsonObject *after,
                 guint       n_records,
                 const char *subject)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autofree char *object = object_phrase (kind, before, after, n_records, subject);
  g_autofree char *headline = NULL;
  g_autofree char *rest = NULL;
  GList *members = NULL;

  if (after != NULL)
    members = json_object_get_members (after);
  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (all, l->data);
  g_list_free (members);

  for (guint i = 0; i < all->len; i++)
    if (!is_implied (g_ptr_array_index (all, i), all))
      g_ptr_array_add (columns, g_ptr_array_index (all, i));

  if (columns->len == 0)
    /* Translators: e.g. "Sato changed the incident" */
    return g_strdup_printf (_("%1$s changed %2$s"), actor, object);

  /* Reordering renumbers the siblings: each moved record gets a line of its own. */
  if (columns->len == 1 && g_str_equal (g_ptr_array_index (columns, 0), "position"))
    {
      if (n_records > 1)
        /* Translators: e.g. "Sato reordered 3 checklist items" */
        return g_strdup_printf (_("%1$s reordered %2$s"), actor, object);
      /* Translators: e.g. "Sato moved the item “Rotate the keys”" */
      return g_strdup_printf (_("%1$s moved %2$s"), actor, object);
    }

  g_ptr_array_sort (columns, compare_fields);

  /* Several records: what they were marked says it all; other values differ from record to
   * record, so only the fields are named. */
  if (n_records > 1)
    {
      for (guint i = columns->len; i > 0; i--)
        if (g_str_equal (g_ptr_array_index (columns, i - 1), "position"))
          g_ptr_array_remove_index (columns, i - 1);

      if (field_enum_type (kind, g_ptr_array_index (columns, 0)) != G_TYPE_NONE)
        return describe_field (actor, kind, g_ptr_array_index (columns, 0), before, after,
                               object);

      rest = join_fields (columns);
      /* Translators: e.g. "Sato changed the due date and the note of 12 notices" */
      return g_strdup_printf (_("%1$s changed %2$s of %3$s"), actor, rest, object);
    }

  headline = describe_field (actor, kind, g_ptr_array_index (columns, 0), before, after, object);
  if (columns->len == 1)
    return g_steal_pointer (&headline);

  /* A position that changed with other fields is no news of its own. */
  g_ptr_array_remove_index (columns, 0);
  for (guint i = columns->len; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (columns, i - 1), "position"))
      g_ptr_array_remove_index (columns, i - 1);
  if (columns->len == 0)
    return g_steal_pointer (&headline);

  rest = join_fields (columns);

  /* Translators: a sentence about one change, and the other fields changed at the same time,
   * e.g. "Sato marked the item “Rotate the keys” Done, and changed the note" */
  return g_strdup_printf (_("%1$s, and changed %2$s"), headline, rest);
}

/**
 * desk_history_describe_full:
 * @actor: (nullable): who made the change
 * @kind: the kind of record changed, e.g. "checklist_item"
 * @action: "create", "update", "delete" or "restore"
 * @before: (nullable): the changed fields before, as a JSON object
 * @after: (nullable): the changed fields after, as a JSON object
 * @n_records: how many records made the same change (1 for one entry)
 * @n_items: for the creation of a checklist, how many items came with it
 * @subject: (nullable): what the record is called, when the entry does not say it
 *
 * Returns: (transfer full): the change as a sentence, e.g. "Ito marked 10 notices Sent"
 */
char *
desk_history_describe_full (const char *actor,
                            const char *kind,
                            const char *action,
                            const char *before,
                            const char *after,
                            guint       n_records,
                            guint       n_items,
                            const char *subject)
{
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  JsonObject *before_object = parse_object (before, &before_node);
  JsonObject *after_object = parse_object (after, &after_node);
  g_autofree char *object = NULL;

  if (actor == NULL || *actor == '\0')
    actor = _("Someone");
  n_records = MAX (n_records, 1);

  if (g_strcmp0 (action, "create") == 0)
    return describe_create (actor, kind, after_object, n_records, n_items, subject);

  if (g_strcmp0 (action, "update") == 0)
    return describe_update (actor, kind, before_object, after_object, n_records, subject);

  /* A deletion keeps all fields in "before"; a restoration in "after". */
  object = object_phrase (kind, before_object, after_object, n_records, subject);

  if (g_strcmp0 (action, "delete") == 0)
    {
      if (g_strcmp0 (kind, "incident") == 0)
        return g_strdup_printf (_("%1$s deleted the incident"), actor);
      /* Translators: e.g. "Sato removed the item “Rotate the keys”" */
      return g_strdup_printf (_("%1$s removed %2$s"), actor, object);
    }

  if (g_strcmp0 (action, "restore") == 0)
    /* Translators: e.g. "Sato restored the item “Rotate the keys”" */
    return g_strdup_printf (_("%1$s restored %2$s"), actor, object);

  /* Translators: an unknown kind of change, e.g. "Sato changed the incident" */
  return g_strdup_printf (_("%1$s changed %2$s"), actor, object);
}

/**
 * desk_history_describe:
 *
 * desk_history_describe_full() for one audit entry, with nothing looked up.
 *
 * Returns: (transfer full): the change as a sentence
 */
char *
desk_history_describe (const char *actor,
                       const char *kind,
                       const char *action,
                       const char *before,
                       const char *after)
{
  return desk_history_describe_full (actor, kind, action, before, after, 1, 0, NULL);
}

/* }}} */
/* Groups {{{ */

void
desk_history_group_free (DeskHistoryGroup *group)
{
  if (group == NULL)
    return;

  g_clear_object (&group->entry);
  g_free (group->subject);
  g_free (group);
}

static DeskHistoryGroup *
group_new (GObject *entry)
{
  DeskHistoryGroup *group = g_new0 (DeskHistoryGroup, 1);

  group->entry = g_object_ref (entry);
  group->n_records = 1;
  return group;
}

static gint64
entry_time (GObject *entry)
{
  if (DESK_IS_EVENT (entry))
    return desk_record_get_int (DESK_RECORD (entry), "happened-at");

  return desk_audit_entry_get_at (DESK_AUDIT_ENTRY (entry));
}

static gboolean
is_create (DeskAuditEntry *entry,
           const char     *kind)
{
  return g_strcmp0 (desk_audit_entry_get_kind (entry), kind) == 0 &&
         g_strcmp0 (desk_audit_entry_get_action (entry), "create") == 0;
}

/* Returns: (transfer full) (nullable): what entries that read as one sentence share, or NULL
 *   for entries that always stand alone */
static char *
group_key (DeskAuditEntry *entry)
{
  const char *kind = desk_audit_entry_get_kind (entry);

  /* Every change of the incident matters on its own; so does each new checklist. */
  if (g_strcmp0 (kind, "incident") == 0 || is_create (entry, "checklist"))
    return NULL;

  /* Entries whose plural sentences read the same say the same about different records. */
  return desk_history_describe_full ("", kind, desk_audit_entry_get_action (entry),
                                     desk_audit_entry_get_before (entry),
                                     desk_audit_entry_get_after (entry), 2, 0, NULL);
}

typedef struct
{
  DeskHistoryGroup *group;
  GHashTable       *records;  /* record UUIDs the group is about */
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_hash_table_unref (pending->records);
  g_free (pending);
}

/* Adds the audit entries history[start..end), one person's burst of work, to @groups. */
static void
add_burst (GPtrArray *groups,
           GPtrArray *history,
           guint      start,
           guint      end)
{
  g_autoptr(GHashTable) checklists = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        pending_free);
  g_autofree gboolean *absorbed = g_new0 (gboolean, end - start);

  /* Items created with a checklist are counted in its line ("… with 14 items"). They are newer
   * than the checklist, so they come first: find the checklists before the items. */
  for (guint i = start; i < end; i++)
    if (is_create (g_ptr_array_index (history, i), "checklist"))
      g_hash_table_insert (checklists,
                           (gpointer) desk_audit_entry_get_record_uuid (g_ptr_array_index (history,
                                                                                           i)),
                           GUINT_TO_POINTER (0));

  for (guint i = start; g_hash_table_size (checklists) > 0 && i < end; i++)
    {
      DeskAuditEntry *entry = g_ptr_array_index (history, i);
      g_autoptr(JsonNode) node = NULL;
      JsonObject *after;
      const char *checklist;
      gpointer key, n_items;

      if (!is_create (entry, "checklist_item"))
        continue;

      after = parse_object (desk_audit_entry_get_after (entry), &node);
      checklist = get_string (after, "checklist_id");
      if (checklist != NULL &&
          g_hash_table_lookup_extended (checklists, checklist, &key, &n_items))
        {
          g_hash_table_insert (checklists, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (n_items) + 1));
          absorbed[i - start] = TRUE;
        }
    }

  for (guint i = start; i < end; i++)
    {
      DeskAuditEntry *entry = g_ptr_array_index (history, i);
      const char *uuid = desk_audit_entry_get_record_uuid (entry);
      g_autofree char *key = NULL;
      Pending *pending;

      if (absorbed[i - start])
        continue;

      key = group_key (entry);
      if (key != NULL && (pending = g_hash_table_lookup (by_key, key)) != NULL)
        {
          /* The newest entry speaks for the group; an older change of the same record adds
           * nothing to "… 10 notices …". */
          if (uuid != NULL && g_hash_table_add (pending->records, g_strdup (uuid)))
            pending->group->n_records++;
          continue;
        }

      pending = g_new0 (Pending, 1);
      pending->group = group_new (G_OBJECT (entry));
      pending->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (uuid != NULL)
        g_hash_table_add (pending->records, g_strdup (uuid));
      if (is_create (entry, "checklist"))
        pending->group->n_items = GPOINTER_TO_UINT (g_hash_table_lookup (checklists, uuid));
      g_ptr_array_add (groups, pending->group);

      if (key != NULL)
        g_hash_table_insert (by_key, g_steal_pointer (&key), pending);
      else
        pending_free (pending);
    }
}

/**
 * desk_history_group_entries:
 * @history: (element-type GObject): #DeskEvent and #DeskAuditEntry objects, newest first, as
 *   desk_store_list_history() gives them
 *
 * Gathers the lines of an incident's history. Each event is a line. Audit entries by one person
 * less than a minute apart are one burst of work, in which the same change to several records
 * is one line ("Ito marked 10 notices Sent") and the items of a checklist created with it are
 * counted in the checklist's line.
 *
 * Returns: (transfer full) (element-type DeskHistoryGroup): the lines, newest first
 */
GPtrArray *
desk_history_group_entries (GPtrArray *history)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_history_group_free);
  guint i = 0;

  g_return_val_if_fail (history != NULL, groups);

  while (i < history->len)
    {
      GObject *entry = g_ptr_array_index (history, i);
      const char *actor;
      gint64 previous;
      guint end;

      if (!DESK_IS_AUDIT_ENTRY (entry))
        {
          g_ptr_array_add (groups, group_new (entry));
          i++;
          continue;
        }

      actor = desk_audit_entry_get_actor (DESK_AUDIT_ENTRY (entry));
      previous = entry_time (entry);
      for (end = i + 1; end < history->len; end++)
        {
          GObject *next = g_ptr_array_index (history, end);

          if (!DESK_IS_AUDIT_ENTRY (next) ||
              g_strcmp0 (desk_audit_entry_get_actor (DESK_AUDIT_ENTRY (next)), actor) != 0 ||
              previous - entry_time (next) > BURST_GAP_SECONDS)
            break;
          previous = entry_time (next);
        }

      add_burst (groups, history, i, end);
      i = end;
    }

  return groups;
}

/**
 * desk_history_group_wants_subject:
 *
 * Returns: whether the group's sentence would name its record better if someone looked up
 *   what it is called (see #DeskHistoryGroup:subject)
 */
gboolean
desk_history_group_wants_subject (const DeskHistoryGroup *group)
{
  DeskAuditEntry *entry;
  const char *kind;

  g_return_val_if_fail (group != NULL, FALSE);

  if (!DESK_IS_AUDIT_ENTRY (group->entry) || group->n_records != 1)
    return FALSE;

  entry = DESK_AUDIT_ENTRY (group->entry);
  kind = desk_audit_entry_get_kind (entry);

  if (g_strcmp0 (kind, "affected") == 0 || g_strcmp0 (kind, "notification") == 0)
    return TRUE;

  /* Items, checklists and categories carry their name when created, deleted or renamed. */
  if (g_strcmp0 (desk_audit_entry_get_action (entry), "update") == 0)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonObject *after = parse_object (desk_audit_entry_get_after (entry), &node);

      if (g_strcmp0 (kind, "checklist_item") == 0)
        return !json_object_has_member (after, "text");
      if (g_strcmp0 (kind, "checklist") == 0)
        return !json_object_has_member (after, "title");
      if (g_strcmp0 (kind, "category") == 0)
        return !json_object_has_member (after, "name");
    }

  return FALSE;
}

gint64
desk_history_group_get_time (const DeskHistoryGroup *group)
{
  g_return_val_if_fail (group != NULL, 0);

  return entry_time (group->entry);
}

/**
 * desk_history_group_describe:
 *
 * Returns: (transfer full): the group's line: an event's text, or the audit entries' sentence
 */
char *
desk_history_group_describe (const DeskHistoryGroup *group)
{
  DeskAuditEntry *entry;

  g_return_val_if_fail (group != NULL, NULL);

  if (DESK_IS_EVENT (group->entry))
    return g_strdup (desk_record_get_string (DESK_RECORD (group->entry), "text"));

  entry = DESK_AUDIT_ENTRY (group->entry);
  return desk_history_describe_full (desk_audit_entry_get_actor (entry),
                                     desk_audit_entry_get_kind (entry),
                                     desk_audit_entry_get_action (entry),
                                     desk_audit_entry_get_before (entry),
                                     desk_audit_entry_get_after (entry),
                                     group->n_records, group->n_items, group->subject);
}

/* }}} */
/* Times {{{ */

/**
 * desk_history_day_label:
 * @now: the current time, so that tests can fix it
 *
 * Returns: (transfer full): the heading of the day @at falls on, in the local time zone:
 *   "Today", "Yesterday", a weekday within the last week, else a date
 */
char *
desk_history_day_label (gint64 at,
                        gint64 now)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDate) when_day = NULL;
  g_autoptr(GDate) today_day = NULL;
  int days;

  if (when == NULL || today == NULL)
    return g_strdup ("");

  when_day = g_date_new_dmy (g_date_time_get_day_of_month (when),
                             g_date_time_get_month (when), g_date_time_get_year (when));
  today_day = g_date_new_dmy (g_date_time_get_day_of_month (today),
                              g_date_time_get_month (today), g_date_time_get_year (today));
  days = g_date_days_between (when_day, today_day);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days > 1 && days < 7)
    /* Translators: a day in the last week, e.g. "Monday"; see g_date_time_format() */
    return g_date_time_format (when, _("%A"));
  if (g_date_time_get_year (when) == g_date_time_get_year (today))
    /* Translators: a day this year, e.g. "Monday, 14 April"; see g_date_time_format() */
    return g_date_time_format (when, _("%A, %-d %B"));

  /* Translators: a day in another year, e.g. "Monday, 14 April 2025"; see g_date_time_format() */
  return g_date_time_format (when, _("%A, %-d %B %Y"));
}

/**
 * desk_history_time_label:
 *
 * Returns: (transfer full): the time of day of @at, e.g. "09:30"
 */
char *
desk_history_time_label (gint64 at)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);

  if (when == NULL)
    return g_strdup ("");

  /* Translators: a time of day in the history, e.g. "09:30"; see g_date_time_format() */
  return g_date_time_format (when, _("%H:%M"));
}

/**
 * desk_history_full_time:
 *
 * Returns: (transfer full): @at in full, for a tooltip, e.g. "Monday, 14 April 2026, 09:30:12"
 */
char *
desk_history_full_time (gint64 at)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);

  if (when == NULL)
    return g_strdup ("");

  /* Translators: a full date and time, e.g. "Monday, 14 April 2026, 09:30:12 JST"; see
   * g_date_time_format() */
  return g_date_time_format (when, _("%A, %-d %B %Y, %H:%M:%S %Z"));
}

/* }}} */
/* Fields {{{ */

/**
 * desk_history_field_label:
 * @column: a field's name on the wire, e.g. "due_at"
 *
 * Returns: (transfer none): what people call the field, e.g. "due date"
 */
const char *
desk_history_field_label (const char *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return field_label (column);
}

/**
 * desk_history_value_text:
 * @kind: the record's kind, e.g. "checklist_item"
 * @column: the field's name on the wire
 * @json: (nullable): the field's value as JSON (docs/sync-api.md)
 *
 * Returns: (transfer full): the value as people read it: a status by its label, a time in this
 *   computer's zone, a count with separators, a text whole
 */
char *
desk_history_value_text (const char *kind,
                         const char *column,
                         const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  GType enum_type;

  g_return_val_if_fail (column != NULL, NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (C_("history value", "none"));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      guint n = json_array_get_length (json_node_get_array (node));

      return g_strdup_printf (ngettext ("%u breach category", "%u breach categories", n), n);
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (json);

  enum_type = field_enum_type (kind, column);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (enum_type != G_TYPE_NONE ? enum_label (enum_type, json_node_get_string (node))
                                              : json_node_get_string (node));

  if (json_node_get_value_type (node) == G_TYPE_INT64 && is_time_field (column))
    return g_str_equal (column, "due_at") ? desk_format_date (json_node_get_int (node))
                                          : format_time (json_node_get_int (node));

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return desk_format_count (json_node_get_int (node));

  return g_strdup (json);
}

/* }}} */
