/* desk-dialog-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the dialogs that add or edit a record (a customer, a notice) share: the models of their
 * combo rows, and how they say which of the two they do. */

#define G_LOG_DOMAIN "desk-dialog-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-dialog-utils.h"

/**
 * desk_dialog_label_model:
 * @label: names a value of an enum
 * @first: the first value to list
 * @n_values: how many values to list from @first
 *
 * Returns: (transfer full): a GtkStringList of the values' names, for an AdwComboRow whose
 *   selected position is the value minus @first
 */
GListModel *
desk_dialog_label_model (DeskLabelFunc label,
                         int           first,
                         int           n_values)
{
  GtkStringList *list;

  g_return_val_if_fail (label != NULL, NULL);

  list = gtk_string_list_new (NULL);
  for (int i = first; i < first + n_values; i++)
    gtk_string_list_append (list, label (i));

  return G_LIST_MODEL (list);
}

/**
 * desk_dialog_set_title:
 * @dialog: the dialog
 * @window_title: its header bar's title
 * @save_button: the button that saves
 * @title: what the dialog does, e.g. "Edit Customer"
 * @adding: whether it adds a record rather than edits one
 *
 * Titles @dialog in its header bar and as a window (which names it in the window list and to
 * assistive technologies), and names its save button after what saving does.
 */
void
desk_dialog_set_title (GtkWindow      *dialog,
                       AdwWindowTitle *window_title,
                       GtkWidget      *save_button,
                       const char     *title,
                       gboolean        adding)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (ADW_IS_WINDOW_TITLE (window_title));
  g_return_if_fail (GTK_IS_BUTTON (save_button));

  adw_window_title_set_title (window_title, title);
  gtk_window_set_title (dialog, title);
  gtk_button_set_label (GTK_BUTTON (save_button), adding ? _("_Add") : _("_Save"));
  desk_a11y_name_mnemonic_buttons (save_button);
}
