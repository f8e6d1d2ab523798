/* desk-regulator-notices.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskRegulatorNotices lists an incident's notices to a regulator or the public, beside the
 * Notifications page's figures: one row each, with who it is for, how and when it went out, and a
 * button to change its status. It belongs to that page, whose actions its buttons activate:
 * notifications.add-notice and notifications.set-notice-status. */

#define G_LOG_DOMAIN "desk-regulator-notices"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-notice-status.h"
#include "desk-records.h"
#include "desk-regulator-notices.h"

struct _DeskRegulatorNotices
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkListBox *list_box;

  /* Owned */
  GListStore *notices;   /* DeskNotification to a regulator or the public */
};

G_DEFINE_FINAL_TYPE (DeskRegulatorNotices, desk_regulator_notices, ADW_TYPE_BIN)

enum {
  NOTICE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows {{{ */

static char *
describe_notice (DeskRecord *notice)
{
  g_autofree char *sent = desk_format_date (desk_record_get_int (notice, "sent-at"));
  const char *actor = desk_record_get_string (notice, "actor");
  GString *text = g_string_new (NULL);

  /* Translators: who a notice is for and how it is sent, e.g. "Regulator · Regulator filing" */
  g_string_append_printf (text, _("%s · %s"),
                          desk_recipient_label (desk_record_get_enum (notice, "recipient")),
                          desk_channel_label (desk_record_get_enum (notice, "channel")));
  if (sent != NULL)
    {
      g_string_append (text, _(" · "));
      /* Translators: when a notice was first sent, e.g. "sent 14 Apr 2026" */
      g_string_append_printf (text, _("sent %s"), sent);
    }
  if (actor != NULL && *actor != '\0')
    {
      g_string_append (text, _(" · "));
      /* Translators: who last changed a notice's status, e.g. "by Alice Example" */
      g_string_append_printf (text, _("by %s"), actor);
    }

  return g_string_free (text, FALSE);
}

/* A compact row rather than an AdwActionRow: its width stays modest, so the notices fit beside
 * the two breakdowns on a desktop-wide page. */
static GtkWidget *
create_notice_row (gpointer item,
                   gpointer user_data)
{
  DeskRecord *notice = item;
  const char *name = desk_record_get_string (notice, "recipient-name");
  DeskNotificationStatus status = desk_record_get_enum (notice, "status");
  const char *status_label = desk_notification_status_label (status);
  g_autofree char *subtitle = describe_notice (notice);
  g_autofree char *button_label = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *row, *box, *labels, *title, *description, *button;
  const char *css_class;

  if (name == NULL || *name == '\0')
    name = desk_recipient_label (desk_record_get_enum (notice, "recipient"));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the notice"));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);

  title = desk_wrapping_label_new (name, 24);
  gtk_box_append (GTK_BOX (labels), title);

  description = desk_wrapping_label_new (subtitle, 28);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (labels), description);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, description, NULL,
                                  -1);

  menu = desk_notice_status_menu ("notifications.set-notice-status", desk_record_get_id (notice));
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), status_label);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  css_class = desk_notice_status_css_class (status);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_tooltip_text (button, _("Change the status"));
  /* Translators: the button that changes a notice's status; %s is its status, e.g. "Sent" */
  button_label = g_strdup_printf (_("Status: %s"), status_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  gtk_box_append (GTK_BOX (box), button);

  g_object_set_data_full (G_OBJECT (row), "desk-notice", g_object_ref (notice), g_object_unref);

  return row;
}

/* }}} */
/* Callbacks {{{ */

static void
on_list_box_row_activated_cb (DeskRegulatorNotices *self,
                              GtkListBoxRow        *row)
{
  DeskNotification *notice = g_object_get_data (G_OBJECT (row), "desk-notice");

  if (notice != NULL)
    g_signal_emit (self, signals[NOTICE_ACTIVATED], 0, notice);
}

/* }}} */
/* GObject {{{ */

static void
desk_regulator_notices_dispose (GObject *object)
{
  DeskRegulatorNotices *self = DESK_REGULATOR_NOTICES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_REGULATOR_NOTICES);

  g_clear_object (&self->notices);

  G_OBJECT_CLASS (desk_regulator_notices_parent_class)->dispose (object);
}

static void
desk_regulator_notices_class_init (DeskRegulatorNoticesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_regulator_notices_dispose;

  /**
   * DeskRegulatorNotices::notice-activated:
   * @notice: the notice
   *
   * The person activated a notice's row, to edit it.
   */
  signals[NOTICE_ACTIVATED] = g_signal_new ("notice-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, DESK_TYPE_NOTIFICATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-regulator-notices.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskRegulatorNotices, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);
}

static void
desk_regulator_notices_init (DeskRegulatorNotices *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->notices = g_list_store_new (DESK_TYPE_NOTIFICATION);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->notices),
                           create_notice_row, self, NULL);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_regulator_notices_set_notices:
 * @notices: (nullable) (element-type DeskNotification): an incident's notices
 *
 * Lists those of @notices that go to a regulator or the public, leaving out the customers' ledger
 * rows: the store lists an incident's notices by its id only, and setting them apart here, on the
 * main thread, is cheap for the hundreds to thousands an incident has.
 */
void
desk_regulator_notices_set_notices (DeskRegulatorNotices *self,
                                    GPtrArray            *notices)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  g_return_if_fail (DESK_IS_REGULATOR_NOTICES (self));

  for (guint i = 0; notices != NULL && i < notices->len; i++)
    {
      DeskRecord *notice = g_ptr_array_index (notices, i);

      if (desk_record_get_enum (notice, "recipient") != DESK_RECIPIENT_CUSTOMER)
        g_ptr_array_add (shown, notice);
    }

  g_list_store_splice (self->notices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notices)),
                       shown->pdata, shown->len);
}

/* Returns: (transfer none): the notices listed, of DeskNotification */
GListModel *
desk_regulator_notices_get_notices (DeskRegulatorNotices *self)
{
  g_return_val_if_fail (DESK_IS_REGULATOR_NOTICES (self), NULL);

  return G_LIST_MODEL (self->notices);
}

/* Returns: (nullable) (transfer none): the notice listed with id @id */
DeskNotification *
desk_regulator_notices_find (DeskRegulatorNotices *self,
                             gint64                id)
{
  g_return_val_if_fail (DESK_IS_REGULATOR_NOTICES (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notices)); i++)
    {
      g_autoptr(DeskNotification) notice = g_list_model_get_item (G_LIST_MODEL (self->notices), i);

      if (desk_record_get_id (DESK_RECORD (notice)) == id)
        return notice;   /* the list store holds a reference */
    }

  return NULL;
}

/* }}} */
