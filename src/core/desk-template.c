/* desk-template.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A DeskTemplate is a remediation checklist as it is written down once (MFA rollout, patching…)
 * before it is applied to an incident: a title, a description and items whose due dates are
 * offsets from the incident's detection. The built-in templates are a JSON file compiled into
 * libdesk-core, in English, with their texts translated in the application's catalogue; people
 * can keep their own in a file of the same shape, described in docs/checklist-templates.md.
 * Instantiating a template turns it into a DeskChecklist and its items, in one transaction.
 */

#define G_LOG_DOMAIN "desk-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "desk-core-resources.h"
#include "desk-json-utils.h"
#include "desk-store.h"
#include "desk-template.h"

#define BUILTIN_RESOURCE RESOURCE_BASE "/checklist-templates.json"

/* The newest format this version reads; files say which one they are written in. */
#define FORMAT_VERSION 1

/* A century of days: enough for any plan, small enough that due_days * 86400 cannot overflow. */
#define MAX_DUE_DAYS 36500

#define SECONDS_PER_DAY (G_GINT64_CONSTANT (24) * 60 * 60)

struct _DeskTemplate
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *description;
  GPtrArray *items;   /* DeskTemplateItem */
};

G_DEFINE_FINAL_TYPE (DeskTemplate, desk_template, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (DeskTemplateItem, desk_template_item,
                     desk_template_item_copy, desk_template_item_free)

G_DEFINE_QUARK (desk-template-error-quark, desk_template_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* DeskTemplateItem {{{ */

/**
 * desk_template_item_new:
 * @owner: (nullable): the role that does the item
 * @has_due: whether @due_days applies
 * @source: (nullable): where the item comes from
 *
 * Returns: (transfer full): a new item
 */
DeskTemplateItem *
desk_template_item_new (const char *text,
                        const char *owner,
                        gboolean    has_due,
                        int         due_days,
                        const char *source)
{
  DeskTemplateItem *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (DeskTemplateItem, 1);
  self->text = g_strdup (text);
  self->owner = g_strdup (owner);
  self->has_due = has_due;
  self->due_days = has_due ? due_days : 0;
  self->source = g_strdup (source);

  return self;
}

DeskTemplateItem *
desk_template_item_copy (const DeskTemplateItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return desk_template_item_new (self->text, self->owner, self->has_due, self->due_days,
                                 self->source);
}

void
desk_template_item_free (DeskTemplateItem *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->owner);
  g_free (self->source);
  g_free (self);
}

/* }}} */
/* Parsing {{{ */

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *where,
            const char **value,
            GError     **error)
{
  return desk_json_get_string (object, member, required, where, DESK_TEMPLATE_ERROR,
                               DESK_TEMPLATE_ERROR_INVALID, value, error);
}

/* "due_days" is a whole number of days; null or absent for items that have no fixed offset. */
static gboolean
get_due_days (JsonObject  *object,
              const char  *where,
              gboolean    *has_due,
              int         *due_days,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, "due_days");
  gint64 value;

  *has_due = FALSE;
  *due_days = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  /* json-glib keeps "3" and 3.0 apart from 3; only the last is a whole number of days. */
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_autofree char *text = json_to_string (node, FALSE);

      g_set_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID,
                   _("%s: “due_days” must be a whole number of days or null, not %s"),
                   where, text);
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < 0 || value > MAX_DUE_DAYS)
    {
      g_set_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID,
                   _("%s: “due_days” must be between 0 and %d, not %lld"),
                   where, MAX_DUE_DAYS, (long long) value);
      return FALSE;
    }

  *has_due = TRUE;
  *due_days = (int) value;
  return TRUE;
}

static DeskTemplateItem *
parse_item (JsonNode    *node,
            const char  *where,
            GError     **error)
{
  JsonObject *object;
  const char *text, *owner, *source;
  gboolean has_due;
  int due_days;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID,
                   _("%s: must be an object with a “text”"), where);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!get_string (object, "text", TRUE, where, &text, error) ||
      !get_string (object, "owner", FALSE, where, &owner, error) ||
      !get_string (object, "source", FALSE, where, &source, error) ||
      !get_due_days (object, where, &has_due, &due_days, error))
    return NULL;

  return desk_template_item_new (text, owner, has_due, due_days, source);
}

static DeskTemplate *
parse_template (JsonNode    *node,
                const char  *where,
                GError     **error)
{
  g_autoptr(DeskTemplate) template = NULL;
  g_autofree char *named = NULL;
  JsonObject *object;
  JsonArray *array;
  const char *id, *title, *description;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID,
                   _("%s: must be an object with an “id”, a “title” and “items”"),
                   where);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!desk_json_get_id (object, "id", where, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID,
                         &id, error))
    return NULL;

  /* From here on, errors name the template by its id as well as by its place in the file. */
  /* Translators: where an error is, e.g. "my.json, template 2 (“patching”)" */
  named = g_strdup_printf (_("%s (“%s”)"), where, id);
  if (!get_string (object, "title", TRUE, named, &title, error) ||
      !get_string (object, "description", FALSE, named, &description, error))
    return NULL;

  if (!desk_json_get_array (object, "items", TRUE, named, DESK_TEMPLATE_ERROR,
                            DESK_TEMPLATE_ERROR_INVALID, &array, error))
    return NULL;

  template = desk_template_new (id, title, description);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      /* Translators: where an error is, e.g. "my.json, template 2 (“patching”), item 3" */
      g_autofree char *item_where = g_strdup_printf (_("%s, item %u"), named, i + 1);
      DeskTemplateItem *item = parse_item (json_array_get_element (array, i), item_where, error);

      if (item == NULL)
        return NULL;

      desk_template_add_item (template, item);
    }

  return g_steal_pointer (&template);
}

/**
 * desk_template_load_data:
 * @data: the JSON text of a templates file
 * @length: the length of @data, or -1 if it is nul-terminated
 * @name: how error messages name the data, e.g. its file name
 *
 * Parses templates in the shape documented in docs/checklist-templates.md.
 *
 * Returns: (transfer full) (element-type DeskTemplate): the templates in file order, or %NULL
 *   with @error set
 */
GPtrArray *
desk_template_load_data (const char  *data,
                         gssize       length,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  array = desk_json_read_file_list (parser, data, length, name, "templates", FORMAT_VERSION,
                                    DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID, error);
  if (array == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      /* Translators: where an error is, e.g. "my.json, template 2" */
      g_autofree char *where = g_strdup_printf (_("%s, template %u"), name, i + 1);
      DeskTemplate *template = parse_template (json_array_get_element (array, i), where, error);

      if (template == NULL)
        return NULL;

      g_ptr_array_add (templates, template);
      /* Ids name templates on the command line and in checklists: they must be unique. */
      if (!g_hash_table_add (ids, template->id))
        {
          g_set_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID,
                       _("%s: the id “%s” is used by an earlier template too"),
                       where, template->id);
          return NULL;
        }
    }

  return g_steal_pointer (&templates);
}

/* }}} */
/* GObject {{{ */

static void
desk_template_finalize (GObject *object)
{
  DeskTemplate *self = DESK_TEMPLATE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_template_parent_class)->finalize (object);
}

static void
desk_template_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeskTemplate *self = DESK_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_template_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DeskTemplate *self = DESK_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_template_class_init (DeskTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_template_finalize;
  object_class->get_property = desk_template_get_property;
  object_class->set_property = desk_template_set_property;

  /**
   * DeskTemplate:id:
   *
   * The template's stable name, e.g. "mfa-rollout": checklists made from it keep it in their
   * "template" field, and `idesk checklist add --template` takes it.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskTemplate:title:
   *
   * The title the checklist gets.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskTemplate:description:
   *
   * One sentence on what the checklist achieves, for people choosing a template.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskTemplate:n-items:
   *
   * How many items the template has.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_template_init (DeskTemplate *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_template_item_free);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_template_new:
 * @description: (nullable): one sentence on what the checklist achieves
 *
 * Returns: (transfer full): a template without items
 */
DeskTemplate *
desk_template_new (const char *id,
                   const char *title,
                   const char *description)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DESK_TYPE_TEMPLATE,
                       "id", id,
                       "title", title,
                       "description", description,
                       NULL);
}

const char *
desk_template_get_id (DeskTemplate *self)
{
  g_return_val_if_fail (DESK_IS_TEMPLATE (self), NULL);

  return self->id;
}

const char *
desk_template_get_title (DeskTemplate *self)
{
  g_return_val_if_fail (DESK_IS_TEMPLATE (self), NULL);

  return self->title;
}

const char *
desk_template_get_description (DeskTemplate *self)
{
  g_return_val_if_fail (DESK_IS_TEMPLATE (self), NULL);

  return self->description;
}

/**
 * desk_template_get_items:
 *
 * Returns: (transfer none) (element-type DeskTemplateItem): the items, in order
 */
GPtrArray *
desk_template_get_items (DeskTemplate *self)
{
  g_return_val_if_fail (DESK_IS_TEMPLATE (self), NULL);

  return self->items;
}

guint
desk_template_get_n_items (DeskTemplate *self)
{
  g_return_val_if_fail (DESK_IS_TEMPLATE (self), 0);

  return self->items->len;
}

/**
 * desk_template_add_item:
 * @item: (transfer full): the item to append
 */
void
desk_template_add_item (DeskTemplate     *self,
                        DeskTemplateItem *item)
{
  g_return_if_fail (DESK_IS_TEMPLATE (self));
  g_return_if_fail (item != NULL);

  g_ptr_array_add (self->items, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * desk_template_load_builtin:
 *
 * Parses the templates that ship with Incident Desk (data/checklist-templates.json), in the
 * language of the locale: their titles, descriptions and item texts are in the application's
 * catalogue (build-aux/template-strings.py puts them in the .pot).
 *
 * Returns: (transfer full) (element-type DeskTemplate): the templates, or %NULL with @error set
 */
GPtrArray *
desk_template_load_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  gsize size;
  const char *data;

  /* libdesk-core is a static library: a binary only gets the resource's object file, and with it
   * the constructor that registers the bundle, if something refers to a symbol in it. Asking
   * the generated getter for the bundle is that reference, and looking the file up in the bundle
   * itself works whether or not the constructor has run. */
  bytes = g_resource_lookup_data (desk_core_get_resource (), BUILTIN_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  templates = desk_template_load_data (data, size, _("The built-in templates"), error);
  if (templates == NULL)
    return NULL;

  for (guint i = 0; i < templates->len; i++)
    {
      DeskTemplate *template = g_ptr_array_index (templates, i);

      desk_json_translate (&template->title);
      if (template->description != NULL)
        desk_json_translate (&template->description);
      for (guint j = 0; j < template->items->len; j++)
        {
          DeskTemplateItem *item = g_ptr_array_index (template->items, j);

          desk_json_translate (&item->text);
        }
    }

  return g_steal_pointer (&templates);
}

/**
 * desk_template_load_file:
 * @path: a JSON file in the shape of the built-in templates
 *
 * Parses a file of people's own templates. Errors say which file, template, item and member is
 * wrong and how.
 *
 * Returns: (transfer full) (element-type DeskTemplate): the templates, or %NULL with @error set
 */
GPtrArray *
desk_template_load_file (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  display_name = g_filename_display_name (path);
  return desk_template_load_data (contents, length, display_name, error);
}

/**
 * desk_template_find:
 * @templates: (element-type DeskTemplate): templates, as loaded
 * @id: the id of the template wanted
 *
 * Returns: (transfer full): the template with @id, or %NULL with @error set (the message lists
 *   the ids there are)
 */
DeskTemplate *
desk_template_find (GPtrArray   *templates,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (templates != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      DeskTemplate *template = g_ptr_array_index (templates, i);

      if (g_str_equal (template->id, id))
        return g_object_ref (template);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", template->id);
    }

  g_set_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_NOT_FOUND,
               _("There is no checklist template “%s”; use one of: %s"), id, ids->str);
  return NULL;
}

/**
 * desk_template_instantiate:
 * @store: the store to write to
 * @incident: a saved incident
 *
 * Adds a checklist made from @self to @incident, after its existing checklists: its items keep
 * the template's order and owners, start as "todo", and fall due @due_days after the incident's
 * detection (after its creation when detection is unset). One transaction: on failure nothing
 * is written.
 *
 * Returns: (transfer full): the saved checklist, or %NULL with @error set
 */
DeskChecklist *
desk_template_instantiate (DeskTemplate  *self,
                           DeskStore     *store,
                           DeskIncident  *incident,
                           GError       **error)
{
  DeskRecord *incident_record = DESK_RECORD (incident);
  DeskDatabase *database;
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 incident_id, start, position = 0;
  gboolean ok;

  g_return_val_if_fail (DESK_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  incident_id = desk_record_get_id (incident_record);
  if (incident_id == 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _("Save the incident before adding a checklist to it"));
      return NULL;
    }

  start = desk_record_get_int (incident_record, "detected-at");
  if (start == 0)
    start = desk_record_get_created_at (incident_record);

  database = desk_store_get_database (store);
  if (!desk_database_begin (database, error))
    return NULL;

  /* Read the position inside the transaction, so that two checklists added at once do not
   * both take it. */
  existing = desk_store_list (store, DESK_TYPE_CHECKLIST, "incident-id", incident_id,
                              &local_error);
  ok = existing != NULL;
  for (guint i = 0; ok && i < existing->len; i++)
    {
      DeskRecord *other = g_ptr_array_index (existing, i);

      position = MAX (position, desk_record_get_int (other, "position") + 1);
    }

  if (ok)
    {
      checklist = desk_checklist_new (incident, self->title);
      desk_record_set_string (DESK_RECORD (checklist), "template", self->id);
      desk_record_set_int (DESK_RECORD (checklist), "position", position);
      ok = desk_store_save (store, DESK_RECORD (checklist), &local_error);
    }

  for (guint i = 0; ok && i < self->items->len; i++)
    {
      const DeskTemplateItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(DeskChecklistItem) record = desk_checklist_item_new (checklist, item->text);

      desk_record_set_string (DESK_RECORD (record), "owner", item->owner);
      desk_record_set_int (DESK_RECORD (record), "due-at",
                           item->has_due ? start + item->due_days * SECONDS_PER_DAY : 0);
      desk_record_set_int (DESK_RECORD (record), "position", i);
      ok = desk_store_save (store, DESK_RECORD (record), &local_error);
    }

  if (!ok || !desk_database_commit (database, &local_error))
    {
      desk_database_rollback (database);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&checklist);
}

/* }}} */
