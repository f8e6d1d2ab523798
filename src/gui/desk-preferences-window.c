/* desk-preferences-window.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskPreferencesWindow edits the application's GSettings directly: every row is bound to its
 * key, so a change applies at once and there is nothing to save. Whoever uses a key follows it
 * (DeskApplication gives the store the name for the audit log and sets the color scheme).
 *
 * The Sync page is the exception where a value must be checked first: the server address is
 * saved when applied and accepted as the sync client accepts it, a certificate file once it
 * reads as one. The token goes to the keyring (DeskSyncSecret), never to GSettings, and the
 * entry is emptied once it is stored; the row below it says where it is kept. */

#define G_LOG_DOMAIN "desk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-application.h"
#include "desk-labels.h"
#include "desk-sync-client.h"
#include "desk-sync-secret.h"
#include "desk-types.h"
#include "desk-preferences-window-private.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *identity_group;
  AdwEntryRow          *user_name_row;
  AdwComboRow          *channel_row;
  AdwComboRow          *color_scheme_row;
  AdwComboRow          *paper_row;
  AdwEntryRow          *endpoint_row;
  AdwActionRow         *endpoint_error_row;
  AdwEntryRow          *token_row;
  AdwActionRow         *token_status_row;
  GtkWidget            *forget_token_button;
  AdwActionRow         *ca_row;
  GtkWidget            *clear_ca_button;
  GtkSpinButton        *interval_button;
  GtkSpinButton        *lead_hours_button;

  /* Owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *lookup;      /* the token status's look-up in flight */
  GtkFileChooserNative *ca_chooser;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The items of the color scheme and paper rows, in order, as their keys spell them. */
static const char * const color_schemes[] = { "default", "light", "dark", NULL };
static const char * const papers[] = { "a4", "letter", NULL };

/* Setting mappings {{{ */

static gboolean
channel_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (DESK_TYPE_CHANNEL);
  GEnumValue *channel = g_enum_get_value_by_nick (klass, g_variant_get_string (variant, NULL));

  /* An unknown channel falls back to the key's default. */
  if (channel == NULL)
    return FALSE;

  g_value_set_uint (value, channel->value);
  return TRUE;
}

static GVariant *
channel_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (DESK_TYPE_CHANNEL);
  GEnumValue *channel = g_enum_get_value (klass, g_value_get_uint (value));

  if (channel == NULL)
    return NULL;

  return g_variant_new_string (channel->value_nick);
}

/* A combo row of fixed choices and a string key: @user_data is the key's values, in the order of
 * the row's items, %NULL-terminated. */
static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choice, choices[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[position]);
}

/* A spin button and a "u" key: the button's adjustment keeps the value in the key's range. */
static gboolean
spin_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
spin_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) MAX (g_value_get_double (value), 0));
}

/* }}} */
/* Sync {{{ */

static void
show_endpoint_error (DeskPreferencesWindow *self,
                     const char            *message)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->endpoint_error_row),
                                 message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->endpoint_error_row), message != NULL);
  desk_a11y_set_invalid (GTK_WIDGET (self->endpoint_row), message);
}

/* What the row under the token entry says: where the token is, or why there is none. */
static void
show_token_status (DeskPreferencesWindow *self,
                   const char            *title,
                   const char            *subtitle,
                   gboolean               is_error,
                   gboolean               can_forget)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->token_status_row), title);
  adw_action_row_set_subtitle (self->token_status_row, subtitle ? subtitle : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->token_status_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->token_status_row), "error");
  gtk_widget_set_visible (self->forget_token_button, can_forget);
}

/* The token was found, or not; the keyring may be out of reach. */
static void
show_token_found (DeskPreferencesWindow *self,
                  gboolean               found,
                  const GError          *error)
{
  DeskSyncSecret *secret = desk_sync_secret_get_default ();
  const char *keyring_error = desk_sync_secret_get_keyring_error (secret);
  g_autofree char *why = NULL;

  if (error != NULL)
    {
      /* Translators: the token's status when the keyring cannot be read; %s says why */
      why = g_strdup_printf (_("Enter the token: it will be kept until Incident Desk quits. %s"),
                             error->message);
      show_token_status (self, _("No token"), why, TRUE, FALSE);
    }
  else if (found && keyring_error != NULL)
    {
      /* Translators: %s is why the keyring cannot be reached */
      why = g_strdup_printf (_("Your keyring cannot be reached, so the token will not be "
                               "remembered: %s"), keyring_error);
      show_token_status (self, _("Kept until Incident Desk quits"), why, TRUE, TRUE);
    }
  else if (found)
    show_token_status (self, _("Saved in your keyring"), NULL, FALSE, TRUE);
  else
    show_token_status (self, _("No token saved for this server"),
                       _("Ask the server’s administrator for one"), FALSE, FALSE);
}

static void
on_token_looked_up_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DeskPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = desk_sync_secret_lookup_finish (DESK_SYNC_SECRET (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_token_found (self, token != NULL, error);
  desk_sync_secret_free_token (token);
}

static void
update_token_status (DeskPreferencesWindow *self)
{
  g_autofree char *endpoint = g_settings_get_string (self->settings, "sync-endpoint");

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);

  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), *endpoint != '\0');
  if (*endpoint == '\0')
    {
      show_token_status (self, _("Enter the server address first"), NULL, FALSE, FALSE);
      return;
    }

  self->lookup = g_cancellable_new ();
  desk_sync_secret_lookup_async (desk_sync_secret_get_default (), endpoint, self->lookup,
                                 on_token_looked_up_cb, g_object_ref (self));
}

static void
update_ca_row (DeskPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "sync-ca-file");

  desk_a11y_set_invalid (GTK_WIDGET (self->ca_row), NULL);
  adw_action_row_set_subtitle (self->ca_row,
                               *path != '\0' ? path
                                             : _("The system’s trusted authorities"));
  gtk_widget_set_visible (self->clear_ca_button, *path != '\0');
}

static void
on_endpoint_applied_cb (DeskPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->endpoint_row));
  g_autofree char *endpoint = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  if (*endpoint != '\0' && !desk_sync_check_endpoint (endpoint, &error))
    {
      show_endpoint_error (self, error->message);
      return;
    }

  show_endpoint_error (self, NULL);
  g_settings_set_string (self->settings, "sync-endpoint", endpoint);
}

static void
on_endpoint_changed_cb (DeskPreferencesWindow *self)
{
  show_endpoint_error (self, NULL);
}

static void
on_token_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_sync_secret_store_finish (DESK_SYNC_SECRET (object), result, &error))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), TRUE);
  update_token_status (self);
}

/* A token travels in an HTTP header: no spaces, no line breaks. */
static gboolean
is_token (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (g_ascii_isspace (*c) || g_ascii_iscntrl (*c))
      return FALSE;

  return TRUE;
}

static void
on_token_applied_cb (DeskPreferencesWindow *self)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_autofree char *endpoint = g_settings_get_string (self->settings, "sync-endpoint");

  if (!is_token (token))
    {
      const char *message = _("A token is one word, without spaces or line breaks");

      desk_a11y_set_invalid (GTK_WIDGET (self->token_row), message);
      show_token_status (self, message, NULL, TRUE, FALSE);
      return;
    }

  desk_a11y_set_invalid (GTK_WIDGET (self->token_row), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), FALSE);
  desk_sync_secret_store_async (desk_sync_secret_get_default (), endpoint, token,
                                self->cancellable, on_token_stored_cb, g_object_ref (self));
}

static void
on_token_forgotten_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DeskPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_sync_secret_clear_finish (DESK_SYNC_SECRET (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  update_token_status (self);
}

static void
on_forget_token_clicked_cb (DeskPreferencesWindow *self)
{
  g_autofree char *endpoint = g_settings_get_string (self->settings, "sync-endpoint");

  desk_sync_secret_clear_async (desk_sync_secret_get_default (), endpoint, self->cancellable,
                                on_token_forgotten_cb, g_object_ref (self));
}

static void
on_ca_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeskPreferencesWindow) self = user_data;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (G_FILE (object));
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
    }
  else if ((certificate = g_tls_certificate_new_from_pem (contents, length, &error)) != NULL)
    {
      g_settings_set_string (self->settings, "sync-ca-file", path);
      return;
    }

  {
    /* Translators: %s is the file chosen as the certificate authority, then why it is not one */
    g_autofree char *message = g_strdup_printf (_("“%s” is not a PEM certificate: %s"),
                                                path, error->message);

    adw_action_row_set_subtitle (self->ca_row, message);
    desk_a11y_set_invalid (GTK_WIDGET (self->ca_row), message);
  }
}

static void
on_ca_chosen_cb (DeskPreferencesWindow *self,
                 int                    response,
                 GtkNativeDialog       *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->ca_chooser);

  if (file != NULL)
    _desk_preferences_window_use_ca_file (self, file);
}

static void
on_choose_ca_clicked_cb (DeskPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) pem = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (pem, _("PEM Certificates"));
  gtk_file_filter_add_pattern (pem, "*.pem");
  gtk_file_filter_add_pattern (pem, "*.crt");
  gtk_file_filter_add_pattern (pem, "*.cer");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->ca_chooser = gtk_file_chooser_native_new (_("Certificate Authority"), GTK_WINDOW (self),
                                                  GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                                  NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->ca_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), pem);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), all);
  g_signal_connect_object (self->ca_chooser, "response", G_CALLBACK (on_ca_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->ca_chooser));
}

static void
on_clear_ca_clicked_cb (DeskPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "sync-ca-file", "");
}

static void
init_sync_page (DeskPreferencesWindow *self)
{
  g_autofree char *endpoint = g_settings_get_string (self->settings, "sync-endpoint");
  DeskSyncSecret *secret = desk_sync_secret_get_default ();

  gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), endpoint);
  desk_a11y_name_entry_row_apply (self->endpoint_row);
  desk_a11y_name_entry_row_apply (self->token_row);

  g_settings_bind_with_mapping (self->settings, "sync-interval",
                                self->interval_button, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                spin_get_mapping, spin_set_mapping,
                                NULL, NULL);

  g_signal_connect_object (self->settings, "changed::sync-endpoint",
                           G_CALLBACK (update_token_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sync-ca-file",
                           G_CALLBACK (update_ca_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (secret, "changed",
                           G_CALLBACK (update_token_status), self, G_CONNECT_SWAPPED);

  update_token_status (self);
  update_ca_row (self);
}

/* }}} */
/* GObject {{{ */

static void
desk_preferences_window_dispose (GObject *object)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->lookup);
  if (self->ca_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->ca_chooser));

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->ca_chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lookup);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->dispose (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, identity_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, endpoint_error_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, token_status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, forget_token_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, ca_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, clear_ca_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, interval_button);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, lead_hours_button);
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_token_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_token_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_ca_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_ca_clicked_cb);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autofree char *description = NULL;
  const char *login_name;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  self->cancellable = g_cancellable_new ();

  /* The same fallback as the store's actor (desk-application.c). */
  login_name = g_get_real_name ();
  if (login_name[0] == '\0' || g_str_equal (login_name, "Unknown"))
    login_name = g_get_user_name ();
  /* Translators: the description of the "Your Name" setting; %s is the login's name */
  description = g_strdup_printf (_("Recorded in the history of every change you make. "
                                   "When empty, your login’s name is used: %s."),
                                 login_name);
  adw_preferences_group_set_description (self->identity_group, description);

  g_settings_bind (self->settings, "user-name", self->user_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  for (guint i = 0; i < DESK_N_CHANNELS; i++)
    gtk_string_list_append (channels, desk_channel_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  g_settings_bind_with_mapping (self->settings, "default-channel",
                                self->channel_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                channel_get_mapping, channel_set_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "reminder-lead-hours",
                                self->lead_hours_button, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                spin_get_mapping, spin_set_mapping,
                                NULL, NULL);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) color_schemes, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size",
                                self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) papers, NULL);

  init_sync_page (self);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_preferences_window_new:
 * @parent: (nullable): the window the preferences are opened from
 *
 * Returns: (transfer full): a new preferences window, modal to @parent
 */
DeskPreferencesWindow *
desk_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (DESK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

/**
 * _desk_preferences_window_use_ca_file:
 *
 * Takes @file as the certificate authority of the sync server once it reads as a PEM
 * certificate, or says why not: what choosing it in the file chooser does.
 */
void
_desk_preferences_window_use_ca_file (DeskPreferencesWindow *self,
                                      GFile                 *file)
{
  g_return_if_fail (DESK_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, on_ca_loaded_cb, g_object_ref (self));
}

/* }}} */
