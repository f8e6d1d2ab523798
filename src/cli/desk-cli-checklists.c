/* desk-cli-checklists.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli-checklists"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-labels.h"
#include "desk-template.h"

/* The built-in templates, or those of @path when it is given. */
static GPtrArray *
load_templates (const char  *path,
                GError     **error)
{
  if (path != NULL)
    return desk_template_load_file (path, error);

  return desk_template_load_builtin (error);
}

int
desk_cli_templates (int    argc,
                    char **argv)
{
  g_autofree char *path = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &path,
      N_("List the templates of this file instead of the built-in ones"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!desk_cli_parse ("templates", NULL,
                       _("List the remediation checklist templates: id, number of items and "
                         "title. “idesk checklist add” takes the id."),
                       entries, &argc, &argv, &status))
    return status;

  if (!(templates = load_templates (path, &error)))
    return desk_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < templates->len; i++)
        {
          DeskTemplate *template = g_ptr_array_index (templates, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, desk_template_get_id (template));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, desk_template_get_title (template));
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, desk_template_get_description (template));
          json_builder_set_member_name (builder, "item_count");
          json_builder_add_int_value (builder, desk_template_get_n_items (template));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      desk_cli_print_json (root);
      return DESK_CLI_OK;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      DeskTemplate *template = g_ptr_array_index (templates, i);

      g_print ("%-28s %3u  %s\n", desk_template_get_id (template),
               desk_template_get_n_items (template), desk_template_get_title (template));
    }

  return DESK_CLI_OK;
}

int
desk_cli_checklist_add (int    argc,
                        char **argv)
{
  g_autofree char *incident_id = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *path = NULL;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("The incident (UUID or unique prefix)"), N_("ID") },
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_id,
      N_("The template, as “idesk templates” lists it"), N_("TEMPLATE_ID") },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &path,
      N_("Take the template from this file instead of the built-in ones"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(DeskTemplate) template = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskIncident) incident = NULL;
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!desk_cli_parse ("checklist add", NULL,
                       _("Add a remediation checklist made from a template to an incident and "
                         "print the checklist's id. Items fall due the template's number of days "
                         "after the incident's detection."),
                       entries, &argc, &argv, &status))
    return status;
  if (incident_id == NULL)
    return desk_cli_usage_error (_("--incident is required"));
  if (template_id == NULL)
    return desk_cli_usage_error (_("--template is required"));

  /* Find the template before the database is opened, so that a wrong id leaves no trace. */
  if (!(templates = load_templates (path, &error)) ||
      !(template = desk_template_find (templates, template_id, &error)))
    return desk_cli_fail (error);

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error)) ||
      !(checklist = desk_template_instantiate (template, store, incident, &error)))
    return desk_cli_fail (error);

  g_print ("%s\n", desk_record_get_uuid (DESK_RECORD (checklist)));
  return DESK_CLI_OK;
}

static gboolean
item_is_complete (DeskRecord *item)
{
  int status = desk_record_get_enum (item, "status");

  return status == DESK_ITEM_STATUS_DONE || status == DESK_ITEM_STATUS_NOT_APPLICABLE;
}

/* Returns: the terminal columns of the widest item status, in the language of the messages */
static gsize
status_column_width (void)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (DESK_TYPE_ITEM_STATUS);
  gsize width = 0;

  for (guint i = 0; i < statuses->n_values; i++)
    width = MAX (width, desk_cli_text_width (desk_item_status_label (statuses->values[i].value)));

  return width;
}

int
desk_cli_checklist_list (int    argc,
                         char **argv)
{
  g_autofree char *incident_id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("The incident (UUID or unique prefix)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskIncident) incident = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  gsize status_width = status_column_width ();
  int status;

  if (!desk_cli_parse ("checklist list", NULL,
                       _("List an incident's remediation checklists with their items: status, "
                         "owner and due date."),
                       entries, &argc, &argv, &status))
    return status;
  if (incident_id == NULL)
    return desk_cli_usage_error (_("--incident is required"));

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error)) ||
      !(checklists = desk_store_list (store, DESK_TYPE_CHECKLIST, "incident-id",
                                      desk_record_get_id (DESK_RECORD (incident)), &error)))
    return desk_cli_fail (error);

  root = json_node_new (JSON_NODE_ARRAY);
  array = json_array_new ();
  json_node_take_array (root, array);

  for (guint i = 0; i < checklists->len; i++)
    {
      DeskRecord *checklist = g_ptr_array_index (checklists, i);
      g_autoptr(GPtrArray) items = NULL;
      JsonNode *node = desk_store_record_to_json (store, checklist);
      JsonArray *item_array = json_array_new ();
      guint complete = 0;

      if (!(items = desk_store_list (store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                                     desk_record_get_id (checklist), &error)))
        {
          json_node_unref (node);
          json_array_unref (item_array);
          return desk_cli_fail (error);
        }

      for (guint j = 0; j < items->len; j++)
        {
          DeskRecord *item = g_ptr_array_index (items, j);

          json_array_add_element (item_array, desk_store_record_to_json (store, item));
          complete += item_is_complete (item);
        }
      json_object_set_array_member (json_node_get_object (node), "items", item_array);
      json_array_add_element (array, node);

      if (json)
        continue;

      g_print (_("%s (%u of %u done)\n"), desk_record_get_string (checklist, "title"), complete,
               items->len);
      for (guint j = 0; j < items->len; j++)
        {
          DeskRecord *item = g_ptr_array_index (items, j);
          const char *label = desk_item_status_label (desk_record_get_enum (item, "status"));

          g_print ("  [%s] %s%*s %s\n", item_is_complete (item) ? "x" : " ", label,
                   desk_cli_padding (label, status_width), "",
                   desk_record_get_string (item, "text"));
        }
    }

  if (json)
    desk_cli_print_json (root);

  return DESK_CLI_OK;
}
