package dev.dkm.sandbox;

import dev.dkm.sandbox.GitAccessPolicy.Actor;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.ProtectedBranch;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/** Refuses ref updates that the project's protected branch rules do not allow, with GitLab's words. */
final class ProtectedBranchHook implements PreReceiveHook {
    private final SandboxState state;
    private final Project project;
    private final Actor actor;

    ProtectedBranchHook(SandboxState state, Project project, Actor actor) {
        this.state = state;
        this.project = project;
        this.actor = actor;
    }

    @Override
    public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand cmd : commands) {
            if (cmd.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED
                    || !cmd.getRefName().startsWith(Constants.R_HEADS)) {
                continue;
            }
            String branch = cmd.getRefName().substring(Constants.R_HEADS.length());
            String refusal = state.read(d -> refusal(d, branch, cmd.getType()));
            if (refusal != null) {
                rp.sendMessage("GitLab: " + refusal);
                cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "pre-receive hook declined");
            }
        }
    }

    private String refusal(SandboxData d, String branch, ReceiveCommand.Type type) {
        List<ProtectedBranch> rules = GitAccessPolicy.protection(d, project, branch);
        if (rules.isEmpty()) {
            return null;
        }
        if (type == ReceiveCommand.Type.DELETE) {
            return GitAccessPolicy.PROTECTED_DELETE;
        }
        // ProtectedBranch.allow_force_push?: any matching rule allowing force push allows it
        if (type == ReceiveCommand.Type.UPDATE_NONFASTFORWARD && rules.stream().noneMatch(r -> r.allowForcePush)) {
            return GitAccessPolicy.PROTECTED_FORCE_PUSH;
        }
        return GitAccessPolicy.mayPushProtected(d, project, rules, actor) ? null : GitAccessPolicy.PROTECTED_PUSH;
    }
}
