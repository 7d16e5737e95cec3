package dev.dkm.gitlab;

import java.util.List;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * GitLab REST v4, relative to {@code <instance>/api/v4/}. Ids are strings so a numeric id and a project or
 * group path both fit; Retrofit encodes '/' in a {@code @Path} value as {@code %2F}, which is exactly GitLab's
 * "URL-encoded path" form (checked by a test). List endpoints take {@code page}/{@code per_page}; callers go
 * through {@link Pager} instead of looping.
 */
interface GitLabApi {
    @GET("version") Call<GitLabVersion> version();
    @GET("metadata") Call<GitLabMetadata> metadata();
    @GET("user") Call<GitLabUser> currentUser();

    @GET("projects/{id}") Call<Project> project(@Path("id") String idOrPath);
    @GET("projects") Call<List<Project>> projects(
            @Query("membership") Boolean membership, @Query("min_access_level") Integer minAccessLevel,
            @Query("simple") Boolean simple, @Query("search") String search,
            @Query("per_page") int perPage);

    @GET("groups/{id}") Call<Group> group(@Path("id") String idOrPath);
    @GET("groups") Call<List<Group>> groups(
            @Query("min_access_level") Integer minAccessLevel, @Query("search") String search,
            @Query("per_page") int perPage);

    // deploy keys, instance-wide (admin)
    @GET("deploy_keys") Call<List<DeployKey>> instanceDeployKeys(@Query("public") Boolean onlyPublic, @Query("per_page") int perPage);
    @POST("deploy_keys") Call<DeployKey> createInstanceDeployKey(@Body Requests.NewDeployKey key);

    // deploy keys of a project
    @GET("projects/{id}/deploy_keys") Call<List<DeployKey>> projectDeployKeys(@Path("id") String project, @Query("per_page") int perPage);
    @GET("projects/{id}/deploy_keys/{key}") Call<DeployKey> projectDeployKey(@Path("id") String project, @Path("key") long keyId);
    @POST("projects/{id}/deploy_keys") Call<DeployKey> createProjectDeployKey(@Path("id") String project, @Body Requests.NewDeployKey key);
    @PUT("projects/{id}/deploy_keys/{key}") Call<DeployKey> updateProjectDeployKey(@Path("id") String project, @Path("key") long keyId, @Body Requests.DeployKeyChange change);
    @DELETE("projects/{id}/deploy_keys/{key}") Call<Void> deleteProjectDeployKey(@Path("id") String project, @Path("key") long keyId);
    @POST("projects/{id}/deploy_keys/{key}/enable") Call<DeployKey> enableProjectDeployKey(@Path("id") String project, @Path("key") long keyId);
    @GET("users/{user}/project_deploy_keys") Call<List<DeployKey>> userProjectDeployKeys(@Path("user") String idOrUsername, @Query("per_page") int perPage);

    // deploy tokens
    @GET("deploy_tokens") Call<List<DeployToken>> instanceDeployTokens(@Query("active") Boolean active, @Query("per_page") int perPage);
    @GET("{scope}/{id}/deploy_tokens") Call<List<DeployToken>> deployTokens(@Path("scope") String scope, @Path("id") String id, @Query("active") Boolean active, @Query("per_page") int perPage);
    @GET("{scope}/{id}/deploy_tokens/{token}") Call<DeployToken> deployToken(@Path("scope") String scope, @Path("id") String id, @Path("token") long tokenId);
    @POST("{scope}/{id}/deploy_tokens") Call<DeployToken> createDeployToken(@Path("scope") String scope, @Path("id") String id, @Body Requests.NewDeployToken token);
    @DELETE("{scope}/{id}/deploy_tokens/{token}") Call<Void> deleteDeployToken(@Path("scope") String scope, @Path("id") String id, @Path("token") long tokenId);

    // access tokens
    @GET("personal_access_tokens/self") Call<AccessToken> personalAccessTokenSelf();
    @DELETE("personal_access_tokens/self") Call<Void> revokePersonalAccessTokenSelf();
    @POST("personal_access_tokens/self/rotate") Call<AccessToken> rotatePersonalAccessTokenSelf(@Body Requests.Rotation rotation);
    @GET("personal_access_tokens") Call<List<AccessToken>> personalAccessTokens(@Query("user_id") Long userId, @Query("state") String state, @Query("per_page") int perPage);
    @GET("{scope}/{id}/access_tokens") Call<List<AccessToken>> accessTokens(@Path("scope") String scope, @Path("id") String id, @Query("state") String state, @Query("per_page") int perPage);

    // protected branches
    @GET("projects/{id}/protected_branches") Call<List<ProtectedBranch>> protectedBranches(@Path("id") String project, @Query("per_page") int perPage);
    @GET("projects/{id}/protected_branches/{name}") Call<ProtectedBranch> protectedBranch(@Path("id") String project, @Path("name") String branch);
    @DELETE("projects/{id}/protected_branches/{name}") Call<Void> unprotectBranch(@Path("id") String project, @Path("name") String branch);
    @POST("projects/{id}/protected_branches") Call<ProtectedBranch> protectBranch(@Path("id") String project, @Body Requests.NewProtectedBranch rule);
    @PATCH("projects/{id}/protected_branches/{name}") Call<ProtectedBranch> updateProtectedBranch(@Path("id") String project, @Path("name") String branch, @Body Requests.ProtectedBranchChange change);

    /** GraphQL ({@code <instance>/api/graphql}, outside /api/v4): a query document with its variables. */
    @POST Call<com.google.gson.JsonObject> graphql(@Url String absoluteUrl, @Body com.google.gson.JsonObject request);

    /** The container registry's token endpoint ({@code <instance>/jwt/auth}), outside /api/v4, with basic auth. */
    @GET Call<ResponseBody> registryAuth(@Url String absoluteUrl, @Header("Authorization") String basicAuth);

    /** The next page of any list, from a {@code Link rel="next"} or a rebuilt {@code page=} URL. */
    @GET Call<ResponseBody> page(@Url String absoluteUrl);
}
