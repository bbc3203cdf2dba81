package uk.schoolattendance.engine;

import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;

/**
 * The engine's event subscription manager, less one query that cannot find anything: when it
 * deletes a subscription it looks for jobs that would deliver an event to it asynchronously
 * ({@code select * from ACT_RU_JOB where HANDLER_TYPE_ = 'event' and HANDLER_CFG_ = ?}). Camunda 7
 * makes such a job only for signal and compensation events thrown asynchronously; a message
 * (correlation, {@code MessageEventReceivedCmd}) is always delivered in the caller's command, so
 * a message subscription never has one. A case holds three message subscriptions all its life
 * ({@code CaseClosed}, {@code AttendanceUpdated}, {@code ChangeLevel}, contract.md), so each case
 * ending skipped three look-ups that always answered nothing (docs/benchmarks.md (1)). Signal,
 * compensation and conditional subscriptions are deleted exactly as the engine does.
 */
final class MessageSubscriptionRemoval extends EventSubscriptionManager {

  @Override
  public void deleteEventSubscription(EventSubscriptionEntity subscription) {
    if (subscription.isSubscriptionForEventType(EventType.MESSAGE)) {
      getDbEntityManager().delete(subscription);
    } else {
      super.deleteEventSubscription(subscription);
    }
  }

  /** Opens this manager wherever the engine asks for its {@link EventSubscriptionManager}. */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return EventSubscriptionManager.class;
    }

    @Override
    public Session openSession() {
      return new MessageSubscriptionRemoval();
    }
  }
}
