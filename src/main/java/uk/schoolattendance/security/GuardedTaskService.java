package uk.schoolattendance.security;

import java.io.InputStream;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Comments and attachments are written only by those who may work the task, or change the
 * process instance they are filed on. Camunda checks neither when they are created, changed or
 * deleted: a manager could comment on any task, and a school could file a comment on another
 * school's case by naming its process instance.
 */
class GuardedTaskService extends TaskServiceImpl {

  @Override
  public Comment createComment(String taskId, String processInstanceId, String message) {
    mayWrite(taskId, processInstanceId);
    return super.createComment(taskId, processInstanceId, message);
  }

  @Override
  public Attachment createAttachment(
      String type, String taskId, String processInstanceId, String name, String description, InputStream content) {
    mayWrite(taskId, processInstanceId);
    return super.createAttachment(type, taskId, processInstanceId, name, description, content);
  }

  @Override
  public Attachment createAttachment(
      String type, String taskId, String processInstanceId, String name, String description, String url) {
    mayWrite(taskId, processInstanceId);
    return super.createAttachment(type, taskId, processInstanceId, name, description, url);
  }

  @Override
  public void saveAttachment(Attachment attachment) {
    mayChangeAttachment(attachment.getId());
    super.saveAttachment(attachment);
  }

  @Override
  public void deleteAttachment(String attachmentId) {
    mayChangeAttachment(attachmentId);
    super.deleteAttachment(attachmentId);
  }

  @Override
  public void deleteTaskAttachment(String taskId, String attachmentId) {
    mayChangeAttachment(attachmentId);
    super.deleteTaskAttachment(taskId, attachmentId);
  }

  private void mayChangeAttachment(String attachmentId) {
    commandExecutor.execute(
        commandContext -> {
          AttachmentEntity attachment =
              attachmentId == null ? null : commandContext.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
          if (attachment != null) {
            check(commandContext, attachment.getTaskId(), attachment.getProcessInstanceId());
          }
          return null;
        });
  }

  private void mayWrite(String taskId, String processInstanceId) {
    commandExecutor.execute(
        commandContext -> {
          check(commandContext, taskId, processInstanceId);
          return null;
        });
  }

  /** On a task: TASK_WORK (or UPDATE) on it; on a process instance: UPDATE on it. */
  private static void check(CommandContext commandContext, String taskId, String processInstanceId) {
    TaskEntity task = taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
    for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
      if (task != null) {
        checker.checkTaskWork(task);
      }
      if (processInstanceId != null && (task == null || !processInstanceId.equals(task.getProcessInstanceId()))) {
        if (task != null) {
          throw new InvalidInputException("processInstanceId", "must be the task's own process instance");
        }
        checker.checkUpdateProcessInstanceById(processInstanceId);
      }
    }
  }
}
