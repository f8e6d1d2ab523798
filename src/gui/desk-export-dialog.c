/* desk-export-dialog.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskExportDialog asks in which format to export a report, each format with what it is good
 * for, and, when there is an earlier export of the same thing to compare with, whether to mark
 * what changed since. It answers with the "export" response; DeskExportFlow asks for the file
 * next. */

#define G_LOG_DOMAIN "desk-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-report-table.h"
#include "desk-export-dialog.h"

struct _DeskExportDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkListBox       *format_list;
  GtkListBox       *changes_list;
  AdwActionRow     *changes_row;
  GtkSwitch        *changes_switch;

  /* Borrowed from the rows: one per format, in the order of DeskExportFormat */
  GtkCheckButton   *format_buttons[DESK_EXPORT_FORMAT_JSON + 1];
};

G_DEFINE_FINAL_TYPE (DeskExportDialog, desk_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The formats as people choose them: the name, and what it is good for. */
static const struct
{
  const char *title;
  const char *subtitle;
} formats[] = {
  [DESK_EXPORT_FORMAT_PDF] = { N_("PDF"), N_("To print, or to hand out at the meeting") },
  [DESK_EXPORT_FORMAT_MARKDOWN] = { N_("Markdown"), N_("To paste into a wiki or a chat") },
  [DESK_EXPORT_FORMAT_HTML] = { N_("HTML"), N_("One file to send by e-mail") },
  [DESK_EXPORT_FORMAT_CSV] = { N_("CSV"), N_("To open in a spreadsheet") },
  [DESK_EXPORT_FORMAT_JSON] = { N_("JSON"), N_("For other tools") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == DESK_EXPORT_FORMAT_JSON + 1);

/* GObject {{{ */

static void
desk_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (desk_export_dialog_parent_class)->dispose (object);
}

static void
desk_export_dialog_class_init (DeskExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, format_list);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, changes_row);
  gtk_widget_class_bind_template_child (widget_class, DeskExportDialog, changes_switch);
}

static void
desk_export_dialog_init (DeskExportDialog *self)
{
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(formats[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(formats[i].subtitle));
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->format_list, row);

      self->format_buttons[i] = GTK_CHECK_BUTTON (check);
      group = GTK_CHECK_BUTTON (check);
    }

  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
}

/* }}} */
/* Public API {{{ */

/**
 * desk_export_dialog_new:
 * @heading: what is exported, e.g. _("Export Status Report")
 * @format: the format chosen at first
 * @compared_at: when the earlier export was made that this one can mark its changes against;
 *   0 when there is none, which leaves the choice out
 * @zone: the time zone to tell @compared_at in: the incident's
 *
 * Returns: (transfer full): a dialog, modal to @parent, not shown yet
 */
DeskExportDialog *
desk_export_dialog_new (GtkWindow        *parent,
                        const char       *heading,
                        DeskExportFormat  format,
                        gint64            compared_at,
                        GTimeZone        *zone)
{
  DeskExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  self = g_object_new (DESK_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       NULL);
  gtk_check_button_set_active (self->format_buttons[format], TRUE);

  if (compared_at != 0)
    {
      g_autofree char *when = desk_report_format_time (compared_at, zone);
      g_autofree char *subtitle = NULL;

      /* Translators: under "Mark Changes Since the Last Export", e.g. "Compared with the export
       * of 7 Apr 2026 10:30" */
      subtitle = g_strdup_printf (_("Compared with the export of %s"), when);
      adw_action_row_set_subtitle (self->changes_row, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->changes_list), TRUE);
    }

  return self;
}

DeskExportFormat
desk_export_dialog_get_format (DeskExportDialog *self)
{
  g_return_val_if_fail (DESK_IS_EXPORT_DIALOG (self), DESK_EXPORT_FORMAT_PDF);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (gtk_check_button_get_active (self->format_buttons[i]))
      return i;

  return DESK_EXPORT_FORMAT_PDF;
}

/* Returns: whether the person asked to mark what changed since the last export */
gboolean
desk_export_dialog_get_mark_changes (DeskExportDialog *self)
{
  g_return_val_if_fail (DESK_IS_EXPORT_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->changes_list)) &&
         gtk_switch_get_active (self->changes_switch);
}

/* }}} */
