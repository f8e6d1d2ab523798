/* desk-window-actions.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The win.* actions of DeskWindow, installed on the class, and the one place that decides
 * which of them are enabled. */

#define G_LOG_DOMAIN "desk-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-window-private.h"

/* New incident {{{ */

typedef struct
{
  DeskWindow   *self;
  DeskIncident *incident;
} NewIncident;

static void
new_incident_free (NewIncident *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->incident);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewIncident, new_incident_free)

static void
on_new_incident_saved_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(NewIncident) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_store_save_finish (DESK_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _desk_window_show_error (data->self, _("Could not create the incident"), error);
      return;
    }

  _desk_window_add_incident (data->self, data->incident);
  _desk_window_show_toast (data->self, _("Incident created"));
}

static void
desk_window_new_incident_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  DeskWindow *self = DESK_WINDOW (widget);
  NewIncident *data;

  g_assert (self->store != NULL);

  data = g_new0 (NewIncident, 1);
  data->self = g_object_ref (self);
  data->incident = desk_incident_new (_("Untitled Incident"));
  desk_record_set_int (DESK_RECORD (data->incident), "detected-at",
                       desk_store_now (self->store));

  desk_store_save_async (self->store, DESK_RECORD (data->incident),
                         self->cancellable,
                         on_new_incident_saved_cb,
                         data);
}

/* }}} */

void
_desk_window_class_actions_init (DeskWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-incident", NULL,
                                   desk_window_new_incident_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-incident", NULL);
}

void
_desk_window_actions_update (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  /* Not before the list has loaded: the loaded list replaces the sidebar's contents, and an
   * incident created meanwhile could be missing from it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-incident",
                                 self->store != NULL && self->loaded);
}
