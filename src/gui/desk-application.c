/* desk-application.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskApplication opens the database at start-up and owns the DeskStore every window shares.
 * When the database cannot be opened (a damaged file, another application's database, a newer
 * schema, a missing folder) it says so in a window instead of failing: people start the
 * application from a launcher and never see a terminal.
 *
 * While it runs, it reminds of deadlines (DeskReminders) with desktop notifications; clicking
 * one opens its incident (app.show-incident).
 */

#define G_LOG_DOMAIN "desk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-preferences-window.h"
#include "desk-reminders.h"
#include "desk-store.h"
#include "desk-window.h"
#include "desk-application.h"

struct _DeskApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char           *database_path;   /* from --database; NULL for the default database */
  GSettings      *settings;
  DeskStore      *store;
  DeskReminders  *reminders;
  GError         *open_error;      /* why the database could not be opened */

  /* Borrowed */
  GtkWindow      *preferences;     /* weak: the open preferences window, if any */
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { NULL }
};

/* Helpers {{{ */

/* An empty name is fine: the store then names the login's account. */
static void
update_actor (DeskApplication *self)
{
  g_autofree char *user_name = g_settings_get_string (self->settings, "user-name");

  desk_store_set_actor (self->store, user_name);
}

static void
update_default_channel (DeskApplication *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "default-channel");
  g_autoptr(GEnumClass) channels = g_type_class_ref (DESK_TYPE_CHANNEL);
  GEnumValue *channel = g_enum_get_value_by_nick (channels, nick);

  desk_store_set_default_channel (self->store,
                                  channel ? channel->value : DESK_CHANNEL_ACCOUNT_MANAGER);
}

static void
update_color_scheme (DeskApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
on_reminder_send_cb (DeskApplication *self,
                     const char      *id,
                     const char      *title,
                     const char      *body,
                     const char      *incident_uuid,
                     gboolean         urgent)
{
  g_autoptr(GNotification) notification = NULL;

  notification = desk_reminders_create_notification (title, body, incident_uuid, urgent);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
open_database (DeskApplication *self)
{
  g_autoptr(DeskDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database_path != NULL)
    database = desk_database_open (self->database_path, &error);
  else
    database = desk_database_open_default (&error);

  if (database == NULL)
    {
      g_message ("%s", error->message);
      self->open_error = g_steal_pointer (&error);
      return;
    }

  self->store = desk_store_new (database);
  update_actor (self);
  update_default_channel (self);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (update_actor), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::default-channel",
                           G_CALLBACK (update_default_channel), self,
                           G_CONNECT_SWAPPED);

  self->reminders = desk_reminders_new (self->store, self->settings);
  g_signal_connect_object (self->reminders, "send", G_CALLBACK (on_reminder_send_cb), self,
                           G_CONNECT_SWAPPED);
}

static GtkWindow *
create_error_window (DeskApplication *self)
{
  g_autofree char *description = g_markup_escape_text (self->open_error->message, -1);
  GtkWidget *window, *box, *header, *status;

  window = adw_application_window_new (GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (window), _("Incident Desk"));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 420);
  gtk_widget_set_size_request (window, 360, 294);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Incident Desk"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Cannot Open the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), status);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  return GTK_WINDOW (window);
}

/* }}} */
/* Actions {{{ */

static void
desk_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
desk_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  DeskApplication *self = user_data;

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Incident Desk"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", "The Incident Desk developers",
                         "copyright", "© 2026 The Incident Desk developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/incidentdesk/incident-desk",
                         "issue-url", "https://github.com/incidentdesk/incident-desk/issues",
                         "comments", _("Incident Desk keeps, in one place, the customers a "
                                       "security incident affects, who has been told, and "
                                       "what remains to fix."),
                         /* Translators: your name(s), one per line, to credit the translation */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
desk_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  DeskApplication *self = user_data;
  GtkWindow *parent;

  /* One preferences window at a time. */
  if (self->preferences != NULL)
    {
      gtk_window_present (self->preferences);
      return;
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_set_weak_pointer (&self->preferences, GTK_WINDOW (desk_preferences_window_new (parent)));
  gtk_window_present (self->preferences);
}

/* The sync indicator's and win.sync's way to the server's address and token. */
static void
desk_application_sync_preferences_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  DeskApplication *self = user_data;

  desk_application_preferences_action (action, parameter, user_data);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self->preferences),
                                                "sync");
}

/* A reminder was clicked: its incident, in the window. */
static void
desk_application_show_incident_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  DeskApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (DESK_IS_WINDOW (window))
    desk_window_show_incident (DESK_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "quit", desk_application_quit_action },
  { "about", desk_application_about_action },
  { "preferences", desk_application_preferences_action },
  { "sync-preferences", desk_application_sync_preferences_action },
  { "show-incident", desk_application_show_incident_action, "s" },
};

/* }}} */
/* GApplication {{{ */

static int
desk_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  DeskApplication *self = DESK_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      /* Another database is another instance: a running instance handed this request would
       * show its own database instead. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
      g_free (self->database_path);
      self->database_path = g_steal_pointer (&path);
    }

  /* Carry on with the default processing. */
  return -1;
}

static void
desk_application_startup (GApplication *application)
{
  DeskApplication *self = DESK_APPLICATION (application);

  G_APPLICATION_CLASS (desk_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Primary>comma", NULL });

  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (update_color_scheme), self,
                           G_CONNECT_SWAPPED);
  update_color_scheme (self);

  open_database (self);
}

static void
desk_application_activate (GApplication *application)
{
  DeskApplication *self = DESK_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      if (self->store != NULL)
        {
          window = GTK_WINDOW (desk_window_new (GTK_APPLICATION (self), self->store));
          /* The window counts what is overdue after each change: a reminder may be due. */
          g_signal_connect_object (window, "notify::overdue",
                                   G_CALLBACK (desk_reminders_check), self->reminders,
                                   G_CONNECT_SWAPPED);
        }
      else
        window = create_error_window (self);
    }

  gtk_window_present (window);
}

static void
desk_application_shutdown (GApplication *application)
{
  DeskApplication *self = DESK_APPLICATION (application);

  /* No more reminders once the windows are gone, even if a check is still finishing. */
  if (self->reminders != NULL)
    g_object_run_dispose (G_OBJECT (self->reminders));

  G_APPLICATION_CLASS (desk_application_parent_class)->shutdown (application);
}

/* }}} */
/* GObject {{{ */

static void
desk_application_dispose (GObject *object)
{
  DeskApplication *self = DESK_APPLICATION (object);

  g_clear_weak_pointer (&self->preferences);
  g_clear_object (&self->reminders);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_application_parent_class)->dispose (object);
}

static void
desk_application_finalize (GObject *object)
{
  DeskApplication *self = DESK_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (desk_application_parent_class)->finalize (object);
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = desk_application_dispose;
  object_class->finalize = desk_application_finalize;

  application_class->handle_local_options = desk_application_handle_local_options;
  application_class->startup = desk_application_startup;
  application_class->activate = desk_application_activate;
  application_class->shutdown = desk_application_shutdown;
}

static void
desk_application_init (DeskApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
}

/* }}} */
/* Public API {{{ */

DeskApplication *
desk_application_new (void)
{
  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Not derived from the id: a .Devel build keeps the same resources. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * desk_application_get_store:
 *
 * Returns: (transfer none) (nullable): the store of the open database, or %NULL when it could
 *   not be opened
 */
DeskStore *
desk_application_get_store (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);

  return self->store;
}

/* }}} */
