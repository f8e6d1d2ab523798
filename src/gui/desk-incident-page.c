/* desk-incident-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskIncidentPage is the base of the pages of an incident (Overview, Customers, Notifications,
 * Remediation, History): it holds the store and the incident the page shows, and a cancellable
 * for the page's requests that is cancelled whenever either changes or the page goes away, so a
 * late answer about the previous incident never lands on the page. Subclasses implement
 * reload() to read what they show. The "loading" property lets tests wait for a page to settle. */

#define G_LOG_DOMAIN "desk-incident-page"

#include "config.h"

#include "desk-incident-page.h"

typedef struct
{
  DeskStore    *store;
  DeskIncident *incident;
  GCancellable *cancellable;
  guint         n_loading;
  gboolean      stale;   /* hidden since it last read: other pages may have changed things */
} DeskIncidentPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DeskIncidentPage, desk_incident_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCIDENT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restart (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();

  if (priv->n_loading > 0)
    {
      priv->n_loading = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }

  desk_incident_page_reload (self);
}

/* Other pages and other programs change the incident too: a page reads it when it comes into
 * view if it was asked to while hidden, or has been hidden since it last read. */
static void
desk_incident_page_map (GtkWidget *widget)
{
  DeskIncidentPage *self = DESK_INCIDENT_PAGE (widget);
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  GTK_WIDGET_CLASS (desk_incident_page_parent_class)->map (widget);

  if (priv->stale)
    {
      priv->stale = FALSE;
      if (priv->store != NULL && priv->incident != NULL)
        desk_incident_page_reload (self);
    }
}

static void
desk_incident_page_unmap (GtkWidget *widget)
{
  DeskIncidentPagePrivate *priv =
    desk_incident_page_get_instance_private (DESK_INCIDENT_PAGE (widget));

  priv->stale = TRUE;

  GTK_WIDGET_CLASS (desk_incident_page_parent_class)->unmap (widget);
}

static void
desk_incident_page_dispose (GObject *object)
{
  DeskIncidentPage *self = DESK_INCIDENT_PAGE (object);
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->store);
  g_clear_object (&priv->incident);

  G_OBJECT_CLASS (desk_incident_page_parent_class)->dispose (object);
}

static void
desk_incident_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskIncidentPage *self = DESK_INCIDENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, desk_incident_page_get_store (self));
      break;

    case PROP_INCIDENT:
      g_value_set_object (value, desk_incident_page_get_incident (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, desk_incident_page_is_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_incident_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskIncidentPage *self = DESK_INCIDENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      desk_incident_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_INCIDENT:
      desk_incident_page_set_incident (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_incident_page_class_init (DeskIncidentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_incident_page_dispose;
  object_class->get_property = desk_incident_page_get_property;
  object_class->set_property = desk_incident_page_set_property;
  widget_class->map = desk_incident_page_map;
  widget_class->unmap = desk_incident_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DESK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL, DESK_TYPE_INCIDENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_incident_page_init (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

DeskStore *
desk_incident_page_get_store (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_INCIDENT_PAGE (self), NULL);

  return priv->store;
}

void
desk_incident_page_set_store (DeskIncidentPage *self,
                              DeskStore        *store)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_INCIDENT_PAGE (self));
  g_return_if_fail (store == NULL || DESK_IS_STORE (store));

  if (g_set_object (&priv->store, store))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      restart (self);
    }
}

/* Returns: (nullable) (transfer none): the incident the page shows */
DeskIncident *
desk_incident_page_get_incident (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_INCIDENT_PAGE (self), NULL);

  return priv->incident;
}

void
desk_incident_page_set_incident (DeskIncidentPage *self,
                                 DeskIncident     *incident)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_INCIDENT_PAGE (self));
  g_return_if_fail (incident == NULL || DESK_IS_INCIDENT (incident));

  if (g_set_object (&priv->incident, incident))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
      restart (self);
    }
}

/* Returns: the local id of the incident, or 0 when there is none */
gint64
desk_incident_page_get_incident_id (DeskIncidentPage *self)
{
  DeskIncident *incident = desk_incident_page_get_incident (self);

  return incident ? desk_record_get_id (DESK_RECORD (incident)) : 0;
}

/**
 * desk_incident_page_get_cancellable:
 *
 * Returns: (transfer none): the cancellable for requests about the current store and incident
 */
GCancellable *
desk_incident_page_get_cancellable (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_INCIDENT_PAGE (self), NULL);

  return priv->cancellable;
}

/**
 * desk_incident_page_reload:
 *
 * Asks the page to read what it shows again, e.g. after another page changed the incident.
 */
void
desk_incident_page_reload (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_INCIDENT_PAGE (self));

  /* A hidden page reads when it comes into view: what it read now could be old by then. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }

  if (DESK_INCIDENT_PAGE_GET_CLASS (self)->reload != NULL)
    DESK_INCIDENT_PAGE_GET_CLASS (self)->reload (self);
}

gboolean
desk_incident_page_is_loading (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_INCIDENT_PAGE (self), FALSE);

  return priv->n_loading > 0;
}

/**
 * desk_incident_page_begin_loading:
 *
 * Subclasses bracket each request with begin/end, so that "loading" is TRUE while any runs.
 */
void
desk_incident_page_begin_loading (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_INCIDENT_PAGE (self));

  if (priv->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
desk_incident_page_end_loading (DeskIncidentPage *self)
{
  DeskIncidentPagePrivate *priv = desk_incident_page_get_instance_private (self);

  g_return_if_fail (DESK_IS_INCIDENT_PAGE (self));

  /* A restart may already have reset the count for requests it cancelled. */
  if (priv->n_loading == 0)
    return;

  if (--priv->n_loading == 0)
    {
      /* build-aux/bench times the window's opening by this line */
      g_debug ("%s: loaded", G_OBJECT_TYPE_NAME (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}
