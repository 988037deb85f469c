"""deploy/k8s/: every manifest is valid Kubernetes, and says what the operating guide promises."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from tests.deploy.conftest import DEPLOY_DIR, settings_variables

K8S_DIR = DEPLOY_DIR / "k8s"
# The oldest Kubernetes release still commonly run; its schemas are bundled with the validator.
KUBERNETES_VERSION = "1.30"
SECRET_VARIABLES = {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DATABASE_URL"}
MANIFEST_FILES = sorted(p for p in K8S_DIR.glob("*.yaml") if p.name != "kustomization.yaml")


def load_documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


def all_objects() -> list[dict[str, Any]]:
    return [doc for path in MANIFEST_FILES for doc in load_documents(path)]


def the_object(kind: str, name: str | None = None) -> dict[str, Any]:
    matches = [o for o in all_objects()
               if o["kind"] == kind and name in (None, o["metadata"]["name"])]
    assert len(matches) == 1, f"expected one {kind} {name or ''}, found {len(matches)}"
    return matches[0]


def pod_specs() -> list[tuple[str, dict[str, Any]]]:
    deployment = the_object("Deployment")
    cronjob = the_object("CronJob")
    return [("Deployment", deployment["spec"]["template"]["spec"]),
            ("CronJob", cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"])]


def containers() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{owner}/{c['name']}", c) for owner, spec in pod_specs()
            for c in spec["containers"] + spec.get("initContainers", [])]


@pytest.mark.parametrize("path", MANIFEST_FILES, ids=lambda p: p.name)
def test_manifest_is_valid_against_the_kubernetes_schema(path: Path) -> None:
    documents = load_documents(path)
    assert documents, f"{path.name} is empty"
    for document in documents:
        try:
            kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            pytest.fail(f"{path.name} {document.get('kind')}: {error.message} "
                        f"at {'.'.join(map(str, error.path))}")


def test_the_schema_check_catches_a_deployment_without_containers() -> None:
    broken = the_object("Deployment")
    del broken["spec"]["template"]["spec"]["containers"]
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_the_schema_check_catches_a_misspelt_field() -> None:
    broken = the_object("Service")
    broken["spec"]["selectors"] = broken["spec"].pop("selector")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == [p.name for p in MANIFEST_FILES]


def test_deployment_serves_http_mode_with_at_least_two_replicas(
    assert_cli_accepts: Callable[[list[str]], None],
) -> None:
    deployment = the_object("Deployment")
    assert deployment["spec"]["replicas"] >= 2
    (bot,) = deployment["spec"]["template"]["spec"]["containers"]
    assert bot["args"][:2] == ["serve", "--http"]
    assert_cli_accepts(bot["args"])


def test_deployment_probes_readyz_for_readiness_and_healthz_for_liveness() -> None:
    (bot,) = the_object("Deployment")["spec"]["template"]["spec"]["containers"]
    port_names = {port["name"] for port in bot["ports"]}
    assert bot["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert bot["livenessProbe"]["httpGet"]["path"] == "/healthz"
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert bot[probe]["httpGet"]["port"] in port_names


@pytest.mark.parametrize("owner", ["Deployment", "CronJob"])
def test_pods_run_as_non_root_without_privileges(owner: str) -> None:
    spec = dict(pod_specs())[owner]
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] != 0
    assert spec["automountServiceAccountToken"] is False
    for container in spec["containers"]:
        context = container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False
        assert context["readOnlyRootFilesystem"] is True
        assert context["capabilities"]["drop"] == ["ALL"]


def test_every_container_has_resource_requests_and_limits() -> None:
    for name, container in containers():
        resources = container.get("resources", {})
        for bound in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(resources.get(bound, {})), f"{name}: {bound}"


def test_secrets_are_referenced_never_written() -> None:
    assert not [o for o in all_objects() if o["kind"] == "Secret"], "no Secret with values"
    for name, container in containers():
        for variable in container.get("env", []):
            if variable["name"] in SECRET_VARIABLES:
                assert "value" not in variable, f"{name}: {variable['name']} written inline"
                assert "secretKeyRef" in variable["valueFrom"], f"{name}: {variable['name']}"
    for path in K8S_DIR.glob("*.yaml"):
        text = path.read_text()
        assert "xoxb-" not in text and "xapp-" not in text, f"{path.name} holds a token"


def test_configmap_sets_only_variables_the_bot_reads() -> None:
    configmap = the_object("ConfigMap", "alliance-bot-settings")
    assert set(configmap["data"]) <= settings_variables()
    assert not set(configmap["data"]) & SECRET_VARIABLES


def test_containers_read_the_configmap_that_exists() -> None:
    configmaps = {o["metadata"]["name"] for o in all_objects() if o["kind"] == "ConfigMap"}
    for name, container in containers():
        for source in container.get("envFrom", []):
            assert source["configMapRef"]["name"] in configmaps, name


def test_containers_set_only_variables_the_bot_reads() -> None:
    for name, container in containers():
        names = {variable["name"] for variable in container.get("env", [])}
        assert names <= settings_variables(), f"{name}: {names - settings_variables()}"


def test_service_and_pdb_select_the_deployment_pods() -> None:
    pod_labels = the_object("Deployment")["spec"]["template"]["metadata"]["labels"]
    service_selector = the_object("Service")["spec"]["selector"]
    pdb_selector = the_object("PodDisruptionBudget")["spec"]["selector"]["matchLabels"]
    for selector in (service_selector, pdb_selector):
        assert selector.items() <= pod_labels.items()


def test_service_targets_the_container_port_by_name() -> None:
    (bot,) = the_object("Deployment")["spec"]["template"]["spec"]["containers"]
    (port,) = the_object("Service")["spec"]["ports"]
    assert port["targetPort"] in {p["name"] for p in bot["ports"]}


def test_ingress_exposes_only_the_slack_endpoint_of_the_service() -> None:
    service = the_object("Service")
    paths = [path for rule in the_object("Ingress")["spec"]["rules"]
             for path in rule["http"]["paths"]]
    assert [path["path"] for path in paths] == ["/slack/events"]
    backend = paths[0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    assert backend["port"]["name"] in {p["name"] for p in service["spec"]["ports"]}


def test_autoscaler_scales_the_deployment_from_two_replicas() -> None:
    hpa = the_object("HorizontalPodAutoscaler")
    deployment = the_object("Deployment")
    assert hpa["spec"]["scaleTargetRef"]["kind"] == "Deployment"
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert 2 <= hpa["spec"]["minReplicas"] < hpa["spec"]["maxReplicas"]


def test_cronjob_sends_due_digests_one_pass_at_a_time(
    assert_cli_accepts: Callable[[list[str]], None],
) -> None:
    cronjob = the_object("CronJob")
    (digest,) = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    assert digest["args"] == ["digest", "send-due"]
    assert cronjob["spec"]["concurrencyPolicy"] == "Forbid"
    assert_cli_accepts(digest["args"])
