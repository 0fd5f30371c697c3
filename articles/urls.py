from django.urls import path

from . import feeds, views

app_name = "articles"
urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="index"),
    path("for/<slug:slug>/", views.TargetGroupView.as_view(), name="target-group"),
    path("tema/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("aktuelt/", views.NewsListView.as_view(), name="news"),
    path("aktuelt/rss/", feeds.NewsRssFeed(), name="news-rss"),
    path("aktuelt/atom/", feeds.NewsAtomFeed(), name="news-atom"),
    path("aktuelt/<slug:slug>/", views.NewsDetailView.as_view(), name="news-detail"),
    path("lettlest/", views.EasyReadIndexView.as_view(), name="easy-read-index"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<slug:slug>/lettlest/", views.EasyReadView.as_view(), name="easy-read"),
]
