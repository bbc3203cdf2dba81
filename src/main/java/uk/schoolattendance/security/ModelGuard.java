package uk.schoolattendance.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import uk.schoolattendance.security.ExpressionAllowList.BeanKind;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Deploying is running code, so every new deployment is checked before the engine parses it,
 * whoever deploys and however (engine REST {@code deployment/create}, Cockpit, Camunda Modeler,
 * {@code RepositoryService}, and the application's own deployment of bpmn/ and forms/ at start):
 * only BPMN, DMN and form files; BPMN by {@link BpmnRules}, DMN by {@link DmnRules}, forms by
 * {@link FormRules}. A refused deployment is answered 400 naming the file, the element and why,
 * and nothing is deployed.
 */
@Component
class ModelGuard extends AbstractProcessEnginePlugin implements Deployer {

  static final String ROOT = "uk.schoolattendance";
  /** The application's infrastructure: its beans grant rights, users and start-up work, never for models. */
  static final List<String> INFRASTRUCTURE = List.of("identity", "security", "engine", "web", "process", "demo");

  private final ListableBeanFactory beanFactory;
  private final BpmnRules bpmn;

  ModelGuard(ListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
    this.bpmn = new BpmnRules(new ExpressionAllowList(this::beanKind));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers();
    if (deployers == null) {
      deployers = new ArrayList<>();
      configuration.setCustomPreDeployers(deployers);
    }
    deployers.add(this);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return; // already deployed and checked; the engine is only reading it back
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      check(resource.getName(), resource.getBytes());
    }
  }

  /** Refuses a resource that may not be deployed, with the reason; does nothing for one that may. */
  void check(String name, byte[] bytes) {
    String file = name.toLowerCase(Locale.ROOT);
    if (file.endsWith(".bpmn") || file.endsWith(".bpmn20.xml")) {
      bpmn.check(name, bytes);
    } else if (file.endsWith(".dmn") || file.endsWith(".dmn11.xml")) {
      DmnRules.check(name, bytes);
    } else if (file.endsWith(".form")) {
      FormRules.check(name, bytes);
    } else {
      throw new InvalidInputException(name, "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) files may be deployed");
    }
  }

  BeanKind beanKind(String name) {
    if (!beanFactory.containsBean(name)) {
      return BeanKind.NONE;
    }
    Class<?> type = beanFactory.getType(name, false);
    if (type == null) {
      return BeanKind.OTHER;
    }
    String pkg = ClassUtils.getUserClass(type).getPackageName();
    boolean application =
        pkg.startsWith(ROOT + ".")
            && INFRASTRUCTURE.stream().noneMatch(p -> pkg.equals(ROOT + "." + p) || pkg.startsWith(ROOT + "." + p + "."));
    return application ? BeanKind.APPLICATION : BeanKind.OTHER;
  }
}
